package org.hostledger.store.engine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.hostledger.core.command.RecordKind;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which records the event store holds: the kind of an id from the first event of its stream and a record's current
 * version, through the store's unique key on (aggregate, sequence). One index lookup each, in the caller's own
 * transaction, never behind a projection: the command side's set validation ("ids are unique", "a decision's host
 * must be registered") stands on it.
 */
public class EventStoreRecords {

    private static final String FIRST_EVENT_TYPE =
            "SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0";

    private final JdbcTemplate jdbc;

    public EventStoreRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The record's current version: the sequence number of its latest event. */
    public OptionalLong versionOf(String id) {
        Long version = jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, id);
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    public Optional<RecordKind> kindOf(String id) {
        List<String> types = jdbc.queryForList(FIRST_EVENT_TYPE, String.class, id);
        return types.stream().findFirst().map(RecordKind::ofAggregateType);
    }

    /** How many events the ledger holds: the global position of the last one (positions have no gaps). */
    public long eventCount() {
        Long recorded = jdbc.queryForObject("SELECT last_index FROM ledger_chain_head WHERE id = 1", Long.class);
        return recorded == null ? 0 : recorded;
    }
}
