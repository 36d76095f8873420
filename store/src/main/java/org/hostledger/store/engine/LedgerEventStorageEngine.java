package org.hostledger.store.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.axonframework.common.jdbc.JdbcUtils;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hostledger.core.audit.EventChain;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.store.merkle.MerkleTreeWriter;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Axon's JDBC event storage with three changes that make the store a ledger:
 *
 * <ul>
 *   <li>every append first locks the single chain-head row, so that events get their global index, their recorded
 *       time and their place in the hash chain in commit order, on one node or many;
 *   <li>the global index is assigned from that row rather than by an identity column: it has no gaps, so tracking
 *       processors never wait on one, and a deleted row shows as a missing number;
 *   <li>the recorded time is taken under the lock and never goes backwards, so "what the ledger knew at T" is always
 *       a prefix of the event stream;
 *   <li>the Merkle tree of the verifiable log ({@link MerkleTreeWriter}) grows in the same transaction, one leaf per
 *       event ({@link EventLeaf}).
 * </ul>
 *
 * <p>On PostgreSQL the events are written to compact rows ({@code domain_event_row}, migration V84: the payload type
 * and revision as a 2-byte code, {@link PayloadTypeCodes}, the identifier as a uuid), which the view
 * {@code domain_event_entry} gives back to every reader as Axon's columns. On H2 they are written to the table itself.
 *
 * <p>Timestamps are stored as {@code TIMESTAMP WITH TIME ZONE} to the microsecond rather than Axon's default text, and
 * read back into {@link StoredEvent}s, which keep them as instants instead of text to be parsed at every reading.
 */
public class LedgerEventStorageEngine extends JdbcEventStorageEngine {

    private static final String LOCK_HEAD =
            "SELECT last_index, last_hash, last_recorded, tree_size FROM ledger_chain_head WHERE id = 1 FOR UPDATE";
    private static final String UPDATE_HEAD = "UPDATE ledger_chain_head SET last_index = ?, last_hash = ?, "
            + "last_recorded = ?, tree_size = ? WHERE id = 1";
    private static final String INSERT_EVENT = "INSERT INTO domain_event_entry (global_index, event_identifier, "
            + "aggregate_identifier, sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
            + "meta_data, chain_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)";
    /** PostgreSQL's compact rows (migration V84): domain_event_entry is a view over them there. */
    private static final String INSERT_ROW = "INSERT INTO domain_event_row (global_index, sequence_number, time_stamp, "
            + "payload_type_code, event_identifier, aggregate_identifier, type, payload, meta_data, chain_hash) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?)";

    private static final long LOWEST_GLOBAL_SEQUENCE = 1;
    private static final int MAX_GAP_OFFSET = 10_000;
    private static final int GAP_TIMEOUT_MILLIS = 60_000;

    private final TransactionManager transactionManager;
    /** Grows the Merkle tree in the append's transaction; null when the tree is switched off. */
    private final MerkleTreeWriter merkleTree;

    private volatile boolean merkleTreeOn = true;

    /** Whether the store keeps PostgreSQL's compact rows; asked of the database at the first append. */
    private volatile Boolean compactRows;

    private final PayloadTypeCodes payloadTypeCodes = new PayloadTypeCodes();

    /**
     * The positions the last committed transaction of this thread appended, by record and sequence number. Set after
     * the commit only, so that every entry is a fact that never changes (an event's position is fixed once committed);
     * a writer asks it for the position of what it just wrote instead of reading it back ({@link #committedPosition}).
     */
    private final ThreadLocal<Map<String, Long>> committedHere = new ThreadLocal<>();

    public LedgerEventStorageEngine(Builder builder, TransactionManager transactionManager) {
        this(builder, transactionManager, new MerkleTreeWriter());
    }

    public LedgerEventStorageEngine(
            Builder builder, TransactionManager transactionManager, MerkleTreeWriter merkleTree) {
        // Axon's defaults, set here because getTrackedEventData below needs them and the builder keeps them private.
        super(builder.transactionManager(transactionManager)
                .lowestGlobalSequence(LOWEST_GLOBAL_SEQUENCE)
                .maxGapOffset(MAX_GAP_OFFSET)
                .gapTimeout(GAP_TIMEOUT_MILLIS));
        this.transactionManager = transactionManager;
        this.merkleTree = merkleTree;
    }

    /**
     * Switches the Merkle tree's upkeep off or back on, for measurements that compare an append with and without it in
     * one run. While it is off, appends leave the tree behind (its size stays in the chain head); the first append
     * after it is back on catches the tree up in its own transaction (up to {@link MerkleTreeWriter#CATCH_UP_CHUNK}
     * events; beyond, the chunked {@link org.hostledger.store.merkle.MerkleBackfill} does), so no leaf is ever
     * missing from a checkpoint: a checkpoint covers the tree's size, never more.
     */
    public void setMerkleTreeOn(boolean on) {
        this.merkleTreeOn = on;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        if (events.isEmpty()) {
            return;
        }
        transactionManager.executeInTransaction(() -> {
            Connection connection = getConnection();
            try {
                append(connection, events, serializer);
            } catch (SQLException | RuntimeException e) {
                handlePersistenceException(e, events.get(0));
            } finally {
                JdbcUtils.closeQuietly(connection);
            }
        });
    }

    private void append(Connection connection, List<? extends EventMessage<?>> events, Serializer serializer)
            throws SQLException {
        long index;
        long treeSize;
        byte[] hash;
        Instant recorded = EventChain.truncate(GenericEventMessage.clock.instant());
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
                ResultSet head = lock.executeQuery()) {
            if (!head.next()) {
                throw new IllegalStateException("the ledger_chain_head row is missing: the schema was not migrated");
            }
            index = head.getLong(1);
            hash = head.getBytes(2);
            OffsetDateTime lastRecorded = head.getObject(3, OffsetDateTime.class);
            treeSize = head.getLong(4);
            if (lastRecorded != null && lastRecorded.toInstant().isAfter(recorded)) {
                recorded = lastRecorded.toInstant();
            }
        }
        OffsetDateTime recordedAt = OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC);
        long headBefore = index;
        byte[] hashBefore = hash;
        boolean tree = merkleTree != null && merkleTreeOn;
        List<byte[]> leaves = new ArrayList<>(events.size());
        Map<String, Long> appended = appendedThisTransaction();
        boolean compact = compactRows(connection);
        Map<PayloadTypeCodes.Key, Short> codes = compact ? payloadTypeCodesThisTransaction() : null;
        try (PreparedStatement insert = connection.prepareStatement(compact ? INSERT_ROW : INSERT_EVENT)) {
            for (EventMessage<?> message : events) {
                DomainEventMessage<?> event = asDomainEvent(message);
                SerializedObject<byte[]> payload = event.serializePayload(serializer, byte[].class);
                SerializedObject<byte[]> metaData = event.serializeMetaData(serializer, byte[].class);
                index++;
                EventChain.Link link = new EventChain.Link(
                        index,
                        event.getIdentifier(),
                        event.getType(),
                        event.getAggregateIdentifier(),
                        event.getSequenceNumber(),
                        recorded,
                        payload.getType().getName(),
                        payload.getType().getRevision(),
                        payload.getData(),
                        metaData.getData());
                hash = EventChain.link(hash, link);
                if (tree) {
                    leaves.add(EventLeaf.of(link, hash).hash());
                }
                if (compact) {
                    insert.setLong(1, index);
                    insert.setLong(2, event.getSequenceNumber());
                    insert.setObject(3, recordedAt);
                    insert.setShort(
                            4,
                            payloadTypeCodes.code(
                                    connection,
                                    new PayloadTypeCodes.Key(
                                            payload.getType().getName(),
                                            payload.getType().getRevision()),
                                    codes));
                    insert.setObject(5, canonicalUuid(event.getIdentifier()));
                    insert.setString(6, event.getAggregateIdentifier());
                    insert.setString(7, event.getType());
                    insert.setBytes(8, payload.getData());
                    insert.setBytes(9, metaData.getData());
                    insert.setBytes(10, hash);
                } else {
                    insert.setLong(1, index);
                    insert.setString(2, event.getIdentifier());
                    insert.setString(3, event.getAggregateIdentifier());
                    insert.setLong(4, event.getSequenceNumber());
                    insert.setString(5, event.getType());
                    insert.setObject(6, recordedAt);
                    insert.setString(7, payload.getType().getName());
                    insert.setString(8, payload.getType().getRevision());
                    insert.setBytes(9, payload.getData());
                    insert.setBytes(10, metaData.getData());
                    insert.setBytes(11, hash);
                }
                insert.addBatch();
                if (appended != null) {
                    appended.put(key(event.getAggregateIdentifier(), event.getSequenceNumber()), index);
                }
            }
            insert.executeBatch();
        }
        if (tree) {
            // Same transaction, same lock: the tree never lags behind the store, on any node.
            treeSize = merkleTree.append(connection, treeSize, headBefore, hashBefore, leaves, hash);
        }
        try (PreparedStatement update = connection.prepareStatement(UPDATE_HEAD)) {
            update.setLong(1, index);
            update.setBytes(2, hash);
            update.setObject(3, recordedAt);
            update.setLong(4, treeSize);
            update.executeUpdate();
        }
    }

    private boolean compactRows(Connection connection) throws SQLException {
        Boolean known = compactRows;
        if (known == null) {
            known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            compactRows = known;
        }
        return known;
    }

    /**
     * An event identifier as the compact rows keep it, a 16-byte uuid, which the view gives back as its canonical
     * text. Only an identifier that is that text already is accepted: the hash chain covers the text, and any other
     * spelling (upper case, braces, no dashes) would come back different.
     */
    static UUID canonicalUuid(String identifier) {
        UUID uuid;
        try {
            uuid = UUID.fromString(identifier);
        } catch (IllegalArgumentException e) {
            uuid = null;
        }
        if (uuid == null || !uuid.toString().equals(identifier)) {
            throw new IllegalArgumentException("event identifier \"" + identifier
                    + "\" is not a UUID in canonical form; PostgreSQL's event rows keep identifiers as uuid");
        }
        return uuid;
    }

    /**
     * The payload type codes the current transaction uses, which the node remembers when (and only when) that
     * transaction commits; a map of this append alone, never remembered, without a transaction synchronization.
     */
    private Map<PayloadTypeCodes.Key, Short> payloadTypeCodesThisTransaction() {
        Map<PayloadTypeCodes.Key, Short> codes = thisTransaction(payloadTypeCodes, payloadTypeCodes::remember);
        return codes == null ? new HashMap<>() : codes;
    }

    /**
     * The global position of record {@code aggregateId}'s event {@code sequence}, if this thread's last committed
     * transaction appended it; empty otherwise (then the store answers).
     */
    public OptionalLong committedPosition(String aggregateId, long sequence) {
        Map<String, Long> committed = committedHere.get();
        Long position = committed == null ? null : committed.get(key(aggregateId, sequence));
        return position == null ? OptionalLong.empty() : OptionalLong.of(position);
    }

    private static String key(String aggregateId, long sequence) {
        return aggregateId + '#' + sequence;
    }

    /**
     * The list of positions the current transaction appended, which becomes this thread's {@link #committedHere} when
     * (and only when) that transaction commits; null without a transaction synchronization (then the store answers).
     */
    private Map<String, Long> appendedThisTransaction() {
        return thisTransaction(committedHere, committedHere::set);
    }

    /**
     * A map bound to the current transaction under {@code key}, handed to {@code afterCommit} when (and only when) that
     * transaction commits; null without a transaction synchronization.
     */
    private static <K, V> Map<K, V> thisTransaction(Object key, Consumer<Map<K, V>> afterCommit) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        Map<K, V> bound = (Map<K, V>) TransactionSynchronizationManager.getResource(key);
        if (bound == null) {
            Map<K, V> thisTransaction = new HashMap<>();
            TransactionSynchronizationManager.bindResource(key, thisTransaction);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    afterCommit.accept(thisTransaction);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(key);
                }
            });
            bound = thisTransaction;
        }
        return bound;
    }

    private static DomainEventMessage<?> asDomainEvent(EventMessage<?> message) {
        if (message instanceof DomainEventMessage<?> domainEvent) {
            return domainEvent;
        }
        // Not produced by an aggregate: stored as its own one-event stream, as Axon does.
        return new GenericDomainEventMessage<>("Event", message.getIdentifier(), 0L, message, message::getTimestamp);
    }

    // Axon's MIN() and MAX() lookups, on the table that holds the rows: on PostgreSQL domain_event_entry is a view with
    // a join (V84), and the planner answers MIN() and MAX() from an index on single tables only. Through the view each
    // would read every row it covers: all of a record's events for its last sequence number (every command on a cached
    // record asks it), the whole store for the head or tail token.

    @Override
    protected PreparedStatement lastSequenceNumberFor(Connection connection, String aggregateIdentifier)
            throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "SELECT MAX(sequence_number) FROM " + eventRows(connection) + " WHERE aggregate_identifier = ?");
        statement.setString(1, aggregateIdentifier);
        return statement;
    }

    @Override
    protected PreparedStatement createTailToken(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT MIN(global_index) - 1 FROM " + eventRows(connection));
    }

    @Override
    protected PreparedStatement createHeadToken(Connection connection) throws SQLException {
        return connection.prepareStatement("SELECT MAX(global_index) FROM " + eventRows(connection));
    }

    /** As Axon's, on the table that holds the rows, with the instant as a timestamp (Axon's binds it as text). */
    @Override
    protected PreparedStatement createTokenAt(Connection connection, Instant dateTime) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(
                "SELECT MIN(global_index) - 1 FROM " + eventRows(connection) + " WHERE time_stamp >= ?");
        writeTimestamp(statement, 1, dateTime);
        return statement;
    }

    private String eventRows(Connection connection) throws SQLException {
        return compactRows(connection) ? "domain_event_row" : "domain_event_entry";
    }

    /**
     * As Axon's, but the row becomes a {@link StoredEvent}, which keeps the recorded time as an {@link Instant} instead
     * of formatting it to text and parsing it back at each reading. The token is computed as Axon computes it (this
     * store has no gaps: positions come from the chain head; the code is Axon's all the same, so that a token means
     * the same whichever engine wrote it).
     */
    @Override
    protected TrackedEventData<?> getTrackedEventData(ResultSet resultSet, GapAwareTrackingToken previousToken)
            throws SQLException {
        EventSchema schema = schema();
        long globalSequence = resultSet.getLong(schema.globalIndexColumn());
        String aggregateIdentifier = resultSet.getString(schema.aggregateIdentifierColumn());
        String eventIdentifier = resultSet.getString(schema.eventIdentifierColumn());
        StoredEvent event = new StoredEvent(
                resultSet.getString(schema.typeColumn()),
                eventIdentifier.equals(aggregateIdentifier) ? null : aggregateIdentifier,
                resultSet.getLong(schema.sequenceNumberColumn()),
                eventIdentifier,
                messageTime(resultSet, schema),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
        boolean allowGaps = event.timestamp()
                .isAfter(GenericEventMessage.clock.instant().minus(GAP_TIMEOUT_MILLIS, ChronoUnit.MILLIS));
        GapAwareTrackingToken token;
        if (previousToken == null) {
            token = GapAwareTrackingToken.newInstance(
                    globalSequence,
                    allowGaps
                            ? LongStream.range(Math.min(LOWEST_GLOBAL_SEQUENCE, globalSequence), globalSequence)
                                    .boxed()
                                    .collect(Collectors.toCollection(TreeSet::new))
                            : Collections.emptySortedSet());
        } else {
            token = previousToken.advanceTo(globalSequence, allowGaps ? MAX_GAP_OFFSET : 0);
        }
        return new TrackedDomainEventData<>(token, event);
    }

    /** As Axon's, as a {@link StoredEvent} (see {@link #getTrackedEventData}). */
    @Override
    protected DomainEventData<?> getDomainEventData(ResultSet resultSet) throws SQLException {
        EventSchema schema = schema();
        return new StoredEvent(
                resultSet.getString(schema.typeColumn()),
                resultSet.getString(schema.aggregateIdentifierColumn()),
                resultSet.getLong(schema.sequenceNumberColumn()),
                resultSet.getString(schema.eventIdentifierColumn()),
                messageTime(resultSet, schema),
                resultSet.getString(schema.payloadTypeColumn()),
                resultSet.getString(schema.payloadRevisionColumn()),
                readPayload(resultSet, schema.payloadColumn()),
                readPayload(resultSet, schema.metaDataColumn()));
    }

    /**
     * The recorded time as the messages carry it: to the millisecond, as Axon's entry gave it (its text keeps three
     * decimals, truncated), so that the views, and every answer that cites a recorded time, see the instants they
     * always saw. The column keeps the microseconds, which the hash chain covers.
     */
    private Instant messageTime(ResultSet resultSet, EventSchema schema) throws SQLException {
        return ((Instant) readTimeStamp(resultSet, schema.timestampColumn())).truncatedTo(ChronoUnit.MILLIS);
    }

    @Override
    protected Object readTimeStamp(ResultSet resultSet, String columnName) throws SQLException {
        return resultSet.getObject(columnName, OffsetDateTime.class).toInstant();
    }

    @Override
    protected void writeTimestamp(PreparedStatement statement, int position, Instant timestamp) throws SQLException {
        statement.setObject(position, OffsetDateTime.ofInstant(EventChain.truncate(timestamp), ZoneOffset.UTC));
    }
}
