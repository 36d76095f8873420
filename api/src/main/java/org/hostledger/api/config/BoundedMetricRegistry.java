package org.hostledger.api.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.queryhandling.QueryMessage;

/**
 * Axon's metrics for event processors, the event bus, the command bus and the query bus, with the same meters and
 * names, except that the capacity gauges keep constant memory ({@link CapacityGauges}) instead of one entry per message
 * of the last ten minutes, and that timers, counters and latency gauges are found once per tag set rather than at
 * every message ({@link MessageMeters}). Axon's Spring Boot configuration uses this registry because it is a
 * {@link GlobalMetricRegistry} bean.
 */
public class BoundedMetricRegistry extends GlobalMetricRegistry {

    private static final Function<Message<?>, Iterable<Tag>> NO_TAGS = message -> Tags.empty();

    private final MeterRegistry registry;

    public BoundedMetricRegistry(MeterRegistry registry) {
        super(registry);
        this.registry = registry;
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(String name) {
        return registerEventProcessor(name, NO_TAGS, NO_TAGS);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventProcessor(
            String name,
            Function<Message<?>, Iterable<Tag>> tagsBuilder,
            Function<Message<?>, Iterable<Tag>> latencyTagsBuilder) {
        return new MultiMessageMonitor<>(List.of(
                MessageMeters.processor(name, registry, tagsBuilder, latencyTagsBuilder),
                new CapacityGauges(name, registry, tagsBuilder)));
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(String name) {
        return registerCommandBus(name, NO_TAGS);
    }

    @Override
    public MessageMonitor<? super CommandMessage<?>> registerCommandBus(
            String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitor(name, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(String name) {
        return registerQueryBus(name, NO_TAGS);
    }

    @Override
    public MessageMonitor<? super QueryMessage<?, ?>> registerQueryBus(
            String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return handlerMonitor(name, tagsBuilder);
    }

    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(String name) {
        return registerEventBus(name, NO_TAGS);
    }

    /** Axon's event bus meters: timers tagged, counters not (as {@code GlobalMetricRegistry} registers them). */
    @Override
    public MessageMonitor<? super EventMessage<?>> registerEventBus(
            String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return MessageMeters.eventBus(name, registry, tagsBuilder);
    }

    /** What Axon gives a bus's handlers: a timer, the capacity and counters. */
    private MessageMonitor<Message<?>> handlerMonitor(String name, Function<Message<?>, Iterable<Tag>> tagsBuilder) {
        return new MultiMessageMonitor<>(List.of(
                MessageMeters.handlers(name, registry, tagsBuilder), new CapacityGauges(name, registry, tagsBuilder)));
    }
}
