package org.hostledger.api.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventBusSpanFactory;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jdbc.EventSchema;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.axonframework.serialization.Serializer;
import org.hostledger.api.cluster.NodeRegistry;
import org.hostledger.api.ledger.DuplicateKeyResolver;
import org.hostledger.api.ledger.EventStoreKnownRecords;
import org.hostledger.api.ledger.LedgerEventStorageEngine;
import org.hostledger.commands.certification.Certification;
import org.hostledger.commands.decision.HostingDecision;
import org.hostledger.commands.host.Host;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.commands.lookup.RecordKindGuard;
import org.hostledger.commands.register.Register;
import org.hostledger.commands.register.RegisterEntry;
import org.hostledger.core.model.Scheme;
import org.hostledger.core.model.SchemeCatalog;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.jdbc.core.JdbcTemplate;

/** The event store, serializers, aggregates and their snapshots: the command side's wiring. */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** Metadata every event carries: who recorded it and which request it came from. */
    public static final String ACTOR = "actor";

    public static final String CORRELATION_ID = "correlationId";

    /**
     * The mapper that writes events, metadata, tokens and snapshots. Events are the permanent record, so their JSON
     * must not follow changes to the web layer's settings: dates as ISO text, absent values left out, unknown fields
     * ignored when reading older or newer events. No default typing: every stored type is named by the store itself.
     */
    @Bean("defaultAxonObjectMapper")
    public ObjectMapper axonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }

    /** The web layer's mapper, kept primary so that the event mapper above is used by Axon alone. */
    @Bean
    @Primary
    public ObjectMapper objectMapper(
            Jackson2ObjectMapperBuilder builder, List<Jackson2ObjectMapperBuilderCustomizer> customizers) {
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
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
            EventSchema eventSchema) {
        JdbcEventStorageEngine.Builder builder = JdbcEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .connectionProvider(connectionProvider)
                .schema(eventSchema)
                .dataType(byte[].class);
        return new LedgerEventStorageEngine(builder, transactionManager);
    }

    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new DuplicateKeyResolver();
    }

    @Bean
    public KnownRecords knownRecords(JdbcTemplate jdbcTemplate) {
        return new EventStoreKnownRecords(jdbcTemplate);
    }

    @Bean
    public RecordKindGuard recordKindGuard(KnownRecords knownRecords) {
        return new RecordKindGuard(knownRecords);
    }

    @Bean
    public SchemeCatalog schemeCatalog(LedgerProperties properties) {
        return new SchemeCatalog(properties.getSchemes().stream()
                .map(s ->
                        new Scheme(s.getCode(), s.getName(), new TreeSet<>(s.getActivities()), s.getMaxValidityYears()))
                .toList());
    }

    /** Actor and correlation id travel from each command to the events it causes; nothing else does. */
    @Bean
    public CorrelationDataProvider ledgerCorrelationData() {
        return new SimpleCorrelationDataProvider(ACTOR, CORRELATION_ID);
    }

    /**
     * The event store, with every processor reading the storage engine in batches of its own ("private streams") rather
     * than through Axon's shared producer. That producer keeps each event it reads in memory from the start of a fetch
     * until it catches up with the store, whether or not anyone still reads from it: after a burst of appends while the
     * projections were paused or replaying it held 355,000 events, and the million-event benchmark ran out of its
     * 512 MB (live-heap histograms of the run). Pooled processors poll their stream every 500 ms when idle either way
     * (the embedded store offers them no availability callback), so the views are not slower to follow.
     */
    @Bean(name = "eventBus")
    @Qualifier("eventStore")
    public EmbeddedEventStore eventStore(EventStorageEngine storageEngine, Configuration configuration) {
        return EmbeddedEventStore.builder()
                .storageEngine(storageEngine)
                .messageMonitor(configuration.messageMonitor(EventStore.class, "eventStore"))
                .spanFactory(configuration.getComponent(EventBusSpanFactory.class))
                .optimizeEventConsumption(false)
                .build();
    }

    /** Snapshots are taken off the request thread, after the command's transaction committed. */
    @Bean
    public Snapshotter aggregateSnapshotter(
            Configuration configuration,
            HandlerDefinition handlerDefinition,
            ParameterResolverFactory parameterResolverFactory,
            EventStore eventStore,
            TransactionManager transactionManager,
            SnapshotterSpanFactory spanFactory) {
        Executor executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostledger-snapshotter");
            thread.setDaemon(true);
            return thread;
        });
        // The aggregates are registered with Axon's configurer, not as Spring beans, so the snapshotter is given
        // their factories itself (Spring's variant looks for factory beans and finds none).
        return AggregateSnapshotter.builder()
                .eventStore(eventStore)
                .aggregateFactories(List.of(
                        factory(Host.class, parameterResolverFactory, handlerDefinition),
                        factory(Certification.class, parameterResolverFactory, handlerDefinition),
                        factory(HostingDecision.class, parameterResolverFactory, handlerDefinition),
                        factory(RegisterEntry.class, parameterResolverFactory, handlerDefinition),
                        factory(Register.class, parameterResolverFactory, handlerDefinition)))
                .repositoryProvider(configuration::repository)
                .transactionManager(transactionManager)
                .parameterResolverFactory(parameterResolverFactory)
                .handlerDefinition(handlerDefinition)
                .spanFactory(spanFactory)
                .executor(executor)
                .build();
    }

    /** Inspected with the application's parameter resolvers, which know the beans command handlers ask for. */
    private static <T> GenericAggregateFactory<T> factory(
            Class<T> type, ParameterResolverFactory parameterResolverFactory, HandlerDefinition handlerDefinition) {
        return new GenericAggregateFactory<>(
                AnnotatedAggregateMetaModelFactory.inspectAggregate(type, parameterResolverFactory, handlerDefinition));
    }

    /** Every pooled projection claims at most this node's share of its segments (see NodeRegistry). */
    @Bean
    public ConfigurerModule projectionShares(NodeRegistry nodes) {
        return configurer -> configurer
                .eventProcessing()
                .registerPooledStreamingEventProcessorConfiguration((c, builder) -> builder.maxSegmentProvider(nodes));
    }

    @Bean
    public ConfigurerModule aggregates(LedgerProperties properties) {
        return configurer -> {
            for (Class<?> type : List.of(
                    Host.class, Certification.class, HostingDecision.class, RegisterEntry.class, Register.class)) {
                configurer.configureAggregate(aggregate(type, properties));
            }
        };
    }

    private static <T> AggregateConfigurer<T> aggregate(Class<T> type, LedgerProperties properties) {
        AggregateConfigurer<T> aggregate = AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(c -> new EventCountSnapshotTriggerDefinition(
                        c.getComponent(Snapshotter.class), properties.getSnapshotThreshold()));
        if (properties.isAggregateCache()) {
            aggregate.configureCache(c -> new WeakReferenceCache());
        }
        return aggregate;
    }
}
