package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The ledger engine reads rows into its own entries (recorded times kept as instants, not formatted to text and parsed
 * back); what a reader gets must be exactly what Axon's own JDBC engine gives for the same rows: the same tokens,
 * identifiers, records, sequence numbers, times (to the millisecond, as Axon's text keeps them), payloads and metadata,
 * through the tracking stream and through an aggregate's stream.
 */
class StoredEventReadsTest {

    private final StoreDatabase database = new StoreDatabase();
    private final DataSource dataSource = database.dataSource();
    private final LedgerEventStorageEngine ledger = StoreDatabase.engine(dataSource);

    /** Axon's engine as it comes, reading the same table; only the time column's type is the store's. */
    private final JdbcEventStorageEngine axon =
            new JdbcEventStorageEngine(JdbcEventStorageEngine.builder()
                    .snapshotSerializer(JacksonSerializer.defaultSerializer())
                    .eventSerializer(JacksonSerializer.defaultSerializer())
                    .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                    .transactionManager(new SpringTransactionManager(new DataSourceTransactionManager(dataSource)))
                    .schema(new StoreAutoConfiguration().eventSchema())
                    .dataType(byte[].class)) {
                @Override
                protected Object readTimeStamp(ResultSet resultSet, String columnName) throws SQLException {
                    return resultSet.getObject(columnName, OffsetDateTime.class).toInstant();
                }
            };

    @Test
    void theTrackingStreamReadsAsAxonsEngineReads() {
        // Times with micro- and nanoseconds, so that the millisecond truncation shows.
        GenericEventMessage.clock =
                java.time.Clock.fixed(Instant.parse("2024-03-01T10:15:30.123456789Z"), java.time.ZoneOffset.UTC);
        try {
            ledger.appendEvents(
                    event("host-1", 0, "registered"), event("host-1", 1, "renamed"), event("decision-7", 0, "decided"));
            // An event that no aggregate produced: stored as its own stream, read back without a record.
            ledger.appendEvents(
                    GenericEventMessage.asEventMessage("a plain event").andMetaData(Map.of("actor", "x")));
            ledger.appendEvents(event("host-1", 2, "ended"));
        } finally {
            GenericEventMessage.clock = java.time.Clock.systemUTC();
        }

        List<TrackedEventMessage<?>> ours = ledger.readEvents(null, false).collect(Collectors.toList());
        List<TrackedEventMessage<?>> theirs = axon.readEvents(null, false).collect(Collectors.toList());

        assertThat(ours).hasSize(5);
        assertThat(ours)
                .extracting(this::described)
                .containsExactlyElementsOf(theirs.stream().map(this::described).toList());
        assertThat(ours.get(0).getTimestamp()).isEqualTo(Instant.parse("2024-03-01T10:15:30.123Z"));
        // Read from where a reader stopped, too.
        assertThat(ledger.readEvents(ours.get(1).trackingToken(), false).map(this::described))
                .containsExactlyElementsOf(axon.readEvents(theirs.get(1).trackingToken(), false)
                        .map(this::described)
                        .toList());
    }

    @Test
    void anAggregatesStreamReadsAsAxonsEngineReads() {
        ledger.appendEvents(event("host-1", 0, "registered"), event("host-1", 1, "renamed"));
        ledger.appendEvents(event("host-2", 0, "other"), event("host-1", 2, "ended"));

        assertThat(ledger.readEvents("host-1").asStream().map(this::described))
                .hasSize(3)
                .containsExactlyElementsOf(axon.readEvents("host-1")
                        .asStream()
                        .map(this::described)
                        .toList());
        assertThat(ledger.readEvents("host-1", 2).asStream().map(this::described))
                .containsExactlyElementsOf(axon.readEvents("host-1", 2)
                        .asStream()
                        .map(this::described)
                        .toList());
    }

    /**
     * Axon's MIN() and MAX() lookups, which the engine asks of the table that holds the rows (on PostgreSQL the
     * compact rows under the view, V84): the same tokens and last sequence numbers as Axon's engine, and a token at
     * an instant bound as a timestamp, not as text.
     */
    @Test
    void tokensAndLastSequenceNumbersAreAxons() {
        Instant first = Instant.parse("2024-03-01T10:15:30Z");
        Instant second = Instant.parse("2024-03-02T08:00:00Z");
        try {
            GenericEventMessage.clock = java.time.Clock.fixed(first, java.time.ZoneOffset.UTC);
            ledger.appendEvents(event("host-1", 0, "registered"), event("host-1", 1, "renamed"));
            GenericEventMessage.clock = java.time.Clock.fixed(second, java.time.ZoneOffset.UTC);
            ledger.appendEvents(event("decision-7", 0, "decided"), event("host-1", 2, "ended"));
        } finally {
            GenericEventMessage.clock = java.time.Clock.systemUTC();
        }

        assertThat(ledger.createTailToken()).isEqualTo(axon.createTailToken());
        assertThat(ledger.createHeadToken()).isEqualTo(axon.createHeadToken());
        assertThat(ledger.createHeadToken().position()).hasValue(4);
        assertThat(ledger.lastSequenceNumberFor("host-1")).hasValue(2L);
        assertThat(ledger.lastSequenceNumberFor("decision-7")).hasValue(0L);
        assertThat(ledger.lastSequenceNumberFor("no-such-record")).isEmpty();
        // The token at an instant stands just before the first event recorded at or after it.
        assertThat(ledger.createTokenAt(first.minusSeconds(1)).position()).hasValue(0);
        assertThat(ledger.createTokenAt(first.plusSeconds(1)).position()).hasValue(2);
        assertThat(ledger.createTokenAt(second).position()).hasValue(2);
    }

    private static DomainEventMessage<String> event(String record, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Host", record, sequence, payload, MetaData.with("seq", sequence));
    }

    private String described(Object read) {
        StringBuilder text = new StringBuilder();
        if (read instanceof TrackedEventMessage<?> tracked) {
            text.append(tracked.trackingToken()).append(' ');
        }
        if (read instanceof DomainEventMessage<?> domain) {
            text.append(domain.getType())
                    .append('/')
                    .append(domain.getAggregateIdentifier())
                    .append('/')
                    .append(domain.getSequenceNumber())
                    .append(' ');
        }
        org.axonframework.eventhandling.EventMessage<?> message =
                (org.axonframework.eventhandling.EventMessage<?>) read;
        return text.append(message.getIdentifier())
                .append(' ')
                .append(message.getTimestamp())
                .append(' ')
                .append(message.getPayloadType().getName())
                .append(' ')
                .append(message.getPayload())
                .append(' ')
                .append(new java.util.TreeMap<>(message.getMetaData()))
                .toString();
    }
}
