package org.hostledger.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.EventProcessingAutoConfiguration;
import org.axonframework.springboot.autoconfig.JdbcAutoConfiguration;
import org.axonframework.springboot.autoconfig.ObjectMapperAutoConfiguration;
import org.hostledger.core.event.EventJson;
import org.hostledger.core.event.upcasting.LedgerUpcasters;
import org.hostledger.store.audit.AuditTrail;
import org.hostledger.store.audit.ChainVerifier;
import org.hostledger.store.engine.DuplicateKeyResolver;
import org.hostledger.store.engine.EventStoreRecords;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.hostledger.store.maintenance.EmbeddedStoreMaintenance;
import org.hostledger.store.merkle.MerkleTreeWriter;
import org.hostledger.store.merkle.VerifiableLogConfiguration;
import org.hostledger.store.merkle.VerifiableLogProperties;
import org.hostledger.store.processing.NodeRegistry;
import org.hostledger.store.processing.ProjectionMetrics;
import org.hostledger.store.processing.ProjectionProgress;
import org.hostledger.store.processing.ProjectionReplays;
import org.hostledger.store.processing.ProjectionTokens;
import org.hostledger.store.processing.SignallingEventStore;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ledger engine's wiring, picked up by any Spring Boot application that has this module on its class path: the
 * event store (the chain-head append path in {@link LedgerEventStorageEngine}), the event serialization, the
 * token store's schema, the audit reads, bulk replay and projection progress, segment sharing between nodes, the
 * embedded store's maintenance, and the verifiable log (Merkle tree, signed checkpoints). Ordered before Axon's own auto-configuration, whose defaults then back off.
 */
@AutoConfiguration(
        before = {
            AxonAutoConfiguration.class,
            JdbcAutoConfiguration.class,
            ObjectMapperAutoConfiguration.class,
            EventProcessingAutoConfiguration.class
        })
@Import({
    AuditTrail.class,
    ChainVerifier.class,
    NodeRegistry.class,
    ProjectionProgress.class,
    ProjectionReplays.class,
    ProjectionMetrics.class,
    EmbeddedStoreMaintenance.class,
    VerifiableLogConfiguration.class,
    org.hostledger.store.backup.StoreBackup.class
})
public class StoreAutoConfiguration {

    /** The mapper that writes events, metadata, tokens and snapshots: see {@link EventJson} for why its settings. */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper axonObjectMapper() {
        return EventJson.mapper();
    }

    /**
     * The events' upcasters ({@code core}'s {@link LedgerUpcasters}), as one bean: Axon's auto-configuration registers
     * every {@code EventUpcaster} bean with the configurer, whose chain the storage engine below applies to every event
     * it reads (aggregates, processors, bulk replay). Stored rows keep their old shape.
     */
    @Bean
    public EventUpcasterChain ledgerEventUpcasters() {
        return LedgerUpcasters.chain();
    }

    @Bean
    public EventSchema eventSchema() {
        return EventSchema.builder()
                .eventTable("domain_event_entry")
                .snapshotTable("snapshot_event_entry")
                .globalIndexColumn("global_index")
                .timestampColumn("time_stamp")
                .eventIdentifierColumn("event_identifier")
                .aggregateIdentifierColumn("aggregate_identifier")
                .sequenceNumberColumn("sequence_number")
                .typeColumn("type")
                .payloadTypeColumn("payload_type")
                .payloadRevisionColumn("payload_revision")
                .payloadColumn("payload")
                .metaDataColumn("meta_data")
                .build();
    }

    @Bean
    public TokenSchema tokenSchema() {
        return TokenSchema.builder()
                .setTokenTable("token_entry")
                .setProcessorNameColumn("processor_name")
                .setSegmentColumn("segment")
                .setTokenColumn("token")
                .setTokenTypeColumn("token_type")
                .setTimestampColumn("claimed_at")
                .setOwnerColumn("owner")
                .build();
    }

    @Bean
    public EventStorageEngine eventStorageEngine(
            Serializer defaultSerializer,
            PersistenceExceptionResolver persistenceExceptionResolver,
            @Qualifier("eventSerializer") Serializer eventSerializer,
            Configuration configuration,
            ConnectionProvider connectionProvider,
            TransactionManager transactionManager,
            EventSchema eventSchema,
            VerifiableLogProperties verifiableLog) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .schema(eventSchema)
                .dataType(byte[].class);
        return new LedgerEventStorageEngine(
                builder, transactionManager, verifiableLog.isMerkleTree() ? new MerkleTreeWriter() : null);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    /**
     * The event store, with every processor reading the storage engine in batches of its own ("private streams") rather
     * than through Axon's shared producer. That producer keeps each event it reads in memory from the start of a fetch
     * until it catches up with the store, whether or not anyone still reads from it: after a burst of appends while the
     * projections were paused or replaying it held 355,000 events, and the million-event benchmark ran out of its
     * 512 MB (live-heap histograms of the run). Its streams tell the pooled processors when to look
     * ({@link SignallingEventStore}): every 500 ms, and {@code hostledger.projections.wake-up-delay} (default 10 ms)
     * after a reader starts waiting for a position, the waiters of that delay sharing one wake-up.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public SignallingEventStore eventStore(
            EventStorageEngine storageEngine,
            Configuration configuration,
            @Value("${hostledger.projections.wake-up-delay:10ms}") Duration wakeUpDelay) {
        return SignallingEventStore.create(
                EmbeddedEventStore.builder()
                        .storageEngine(storageEngine)
                        .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                        .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                        .optimizeEventConsumption(false),
                STREAM_POLL,
                wakeUpDelay);
    }

    /**
     * How often, at most, a pooled segment that received none of the latest events stores its advanced token. Axon
     * stores such a token only when it extends its claim (every 5 s by default), so a wait for a position (an import's
     * answer, {@code X-Ledger-Position}) waited up to 5 s for segments that had nothing to do: a register import that
     * changed nothing took 5 s. Kept well under the token claim timeout (10 s); 16 segments cost 16 token updates a
     * second when idle.
     */
    static final long TOKEN_PUBLISH_MILLIS = 1000;

    /** How often processors look for new events when no reader waits for them. */
    static final Duration STREAM_POLL = Duration.ofMillis(500);

    /** Every pooled projection claims at most this node's share of its segments (see NodeRegistry). */
    @Bean
    public ConfigurerModule projectionShares(NodeRegistry nodes) {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((c, builder) ->
                        builder.maxSegmentProvider(nodes).claimExtensionThreshold(TOKEN_PUBLISH_MILLIS));
    }

    @Bean
    public EventStoreRecords eventStoreRecords(JdbcTemplate jdbc) {
        return new EventStoreRecords(jdbc);
    }

    @Bean
    public WritePositions writePositions(JdbcTemplate jdbc, EventStorageEngine engine) {
        return new WritePositions(jdbc, engine instanceof LedgerEventStorageEngine ledger ? ledger : null);
    }

    @Bean
    public ProjectionTokens projectionTokens(JdbcTemplate jdbc) {
        return new ProjectionTokens(jdbc);
    }
}
