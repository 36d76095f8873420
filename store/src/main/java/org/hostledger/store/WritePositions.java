package org.hostledger.store;

import java.util.List;
import java.util.OptionalLong;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Where a write landed in the global order of the ledger: the position a writer hands to readers
 * ({@code awaitPosition}) so that they see its write.
 *
 * <p>Contract: once a command on record {@code id} has committed and answered the record's version {@code v} (the
 * sequence number of the last event it appended to that record), {@link #positionOf(String, long)} answers the
 * global position of that event, on every node, now and later: a record's event at a sequence number is unique (the
 * store's key on aggregate and sequence) and its position never changes. Every event the command appended to that
 * record lies at or before it, so a reader that waits for this position sees the whole write. Inside the command's
 * own unit of work (before commit, on the writing connection) it answers the same, which lets a command interceptor
 * record the position in the same transaction. It holds no state of its own, and nothing travels between threads.
 *
 * <p>A writer that has just committed on this thread is answered without a read: the storage engine keeps the
 * positions its thread's last committed transaction appended ({@link LedgerEventStorageEngine#committedPosition}),
 * which are facts once committed. Any other question reads the store.
 */
public class WritePositions {

    private static final String POSITION =
            "SELECT global_index FROM domain_event_entry " + "WHERE aggregate_identifier = ? AND sequence_number = ?";

    private final JdbcTemplate jdbc;
    /** The node's storage engine, for what this thread just committed; null: always read the store. */
    private final LedgerEventStorageEngine engine;

    public WritePositions(JdbcTemplate jdbc) {
        this(jdbc, null);
    }

    public WritePositions(JdbcTemplate jdbc, LedgerEventStorageEngine engine) {
        this.jdbc = jdbc;
        this.engine = engine;
    }

    /**
     * The global position of record {@code id}'s event at {@code version}.
     *
     * @throws IllegalStateException when the store holds no such event (the command did not commit, or the version
     *     is not one the command answered)
     */
    public long positionOf(String id, long version) {
        if (engine != null) {
            OptionalLong committed = engine.committedPosition(id, version);
            if (committed.isPresent()) {
                return committed.getAsLong();
            }
        }
        List<Long> positions = jdbc.queryForList(POSITION, Long.class, id, version);
        if (positions.isEmpty()) {
            throw new IllegalStateException("the store holds no event of " + id + " at version " + version);
        }
        return positions.get(0);
    }
}
