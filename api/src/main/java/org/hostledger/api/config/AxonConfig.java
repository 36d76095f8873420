package org.hostledger.api.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeSet;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import org.axonframework.common.caching.WeakReferenceCache;
import org.axonframework.common.lock.PessimisticLockFactory;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.eventsourcing.SnapshotterSpanFactory;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.annotation.HandlerDefinition;
import org.axonframework.messaging.annotation.ParameterResolverFactory;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.modelling.command.inspection.AggregateModel;
import org.axonframework.modelling.command.inspection.AnnotatedAggregateMetaModelFactory;
import org.hostledger.commands.alert.Alert;
import org.hostledger.commands.certification.Certification;
import org.hostledger.commands.decision.HostingDecision;
import org.hostledger.commands.host.Host;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.commands.lookup.PendingRecords;
import org.hostledger.commands.lookup.RecordKindGuard;
import org.hostledger.commands.offering.Offering;
import org.hostledger.commands.register.Register;
import org.hostledger.commands.register.RegisterEntry;
import org.hostledger.core.audit.EventMetadata;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.model.Scheme;
import org.hostledger.core.model.SchemeCatalog;
import org.hostledger.store.engine.EventStoreRecords;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

/**
 * The command side's wiring: aggregates, their snapshots and cache, set validation, schemes, and the metadata that
 * travels from commands to events. The event store itself is the {@code store} module's auto-configuration.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
public class AxonConfig {

    /** The web layer's mapper, kept primary so that the event mapper above is used by Axon alone. */
    @Bean
    @Primary
    public ObjectMapper objectMapper(
            Jackson2ObjectMapperBuilder builder, List<Jackson2ObjectMapperBuilderCustomizer> customizers) {
        customizers.forEach(customizer -> customizer.customize(builder));
        return builder.build();
    }

    /**
     * The command side's set validation answers from the event store, in the command's own transaction, and from the
     * records that earlier commands of the same batch left pending ({@link PendingRecords}).
     */
    @Bean
    public KnownRecords knownRecords(EventStoreRecords records) {
        return PendingRecords.overlay(new KnownRecords() {
            @Override
            public Optional<RecordKind> kindOf(String id) {
                return records.kindOf(id);
            }

            @Override
            public Map<String, RecordKind> kindsOf(Collection<String> ids) {
                return records.kindsOf(ids);
            }

            @Override
            public OptionalLong versionOf(String id) {
                return records.versionOf(id);
            }

            @Override
            public Optional<String> offeringHost(String offeringId) {
                return records.offeringHost(offeringId);
            }
        });
    }

    /**
     * Axon's metrics with capacity gauges in constant memory ({@link BoundedMetricRegistry}); Axon's Spring Boot
     * configuration backs off its own registry for this one.
     */
    @Bean
    public GlobalMetricRegistry globalMetricRegistry(MeterRegistry meterRegistry) {
        return new BoundedMetricRegistry(meterRegistry);
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
        return new SimpleCorrelationDataProvider(EventMetadata.ACTOR, EventMetadata.CORRELATION_ID);
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
                        factory(Register.class, parameterResolverFactory, handlerDefinition),
                        factory(Offering.class, parameterResolverFactory, handlerDefinition),
                        factory(Alert.class, parameterResolverFactory, handlerDefinition)))
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

    @Bean
    public ConfigurerModule aggregates(LedgerProperties properties, EventStoreRecords records) {
        return configurer -> {
            for (Class<?> type : List.of(
                    Host.class,
                    Certification.class,
                    HostingDecision.class,
                    RegisterEntry.class,
                    Register.class,
                    Offering.class,
                    Alert.class)) {
                configurer.configureAggregate(aggregate(type, properties, records));
            }
        };
    }

    private static <T> AggregateConfigurer<T> aggregate(
            Class<T> type, LedgerProperties properties, EventStoreRecords records) {
        AggregateConfigurer<T> aggregate = AggregateConfigurer.defaultConfiguration(type)
                .configureSnapshotTrigger(c -> snapshotTrigger(c, properties));
        if (properties.isAggregateCache()) {
            // Axon's default repository with a cache, built as AggregateConfigurer builds it, but checked against
            // the store at every load (CheckedCachingRepository): safe with several nodes.
            aggregate.configureRepository(c -> {
                AggregateModel<T> model = new AnnotatedAggregateMetaModelFactory(
                                c.parameterResolverFactory(), c.handlerDefinition(type))
                        .createModel(type);
                return new CheckedCachingRepository<>(
                        EventSourcingRepository.builder(type)
                                .aggregateModel(model)
                                .aggregateFactory(new GenericAggregateFactory<>(model))
                                .lockFactory(PessimisticLockFactory.usingDefaults())
                                .snapshotTriggerDefinition(snapshotTrigger(c, properties))
                                .repositoryProvider(c::repository)
                                .spanFactory(c.getComponent(RepositorySpanFactory.class)),
                        new WeakReferenceCache(),
                        c.eventStore(),
                        records);
            });
        }
        return aggregate;
    }

    private static EventCountSnapshotTriggerDefinition snapshotTrigger(Configuration c, LedgerProperties properties) {
        return new EventCountSnapshotTriggerDefinition(
                c.getComponent(Snapshotter.class), properties.getSnapshotThreshold());
    }
}
