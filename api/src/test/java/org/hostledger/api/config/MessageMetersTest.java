package org.hostledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.micrometer.EventProcessorLatencyMonitor;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.axonframework.micrometer.MessageCountingMonitor;
import org.axonframework.micrometer.MessageTimerMonitor;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.junit.jupiter.api.Test;

/**
 * The meters found once per tag set are axon-micrometer's: the same messages through Axon's own monitors and through
 * {@link MessageMeters} leave the same meters (names, tags, types) with the same counts, times, percentiles and
 * latency, in two registries on one mock clock.
 */
class MessageMetersTest {

    private static final Function<Message<?>, Iterable<Tag>> BY_TYPE =
            m -> Tags.of("payloadType", m.getPayloadType().getSimpleName());
    private static final Function<Message<?>, Iterable<Tag>> BY_PROCESSOR =
            m -> Tags.of("processorName", "hosting-map");

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry axon = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);
    private final SimpleMeterRegistry ours = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    @Test
    void anEventProcessorsMetersAreAxons() {
        MessageMonitor<EventMessage<?>> reference = new MultiMessageMonitor<>(List.of(
                axonTimers("eventProcessor"),
                EventProcessorLatencyMonitor.builder()
                        .meterNamePrefix("eventProcessor")
                        .meterRegistry(axon)
                        .tagsBuilder(BY_PROCESSOR)
                        .clock(clock)
                        .build(),
                MessageCountingMonitor.buildMonitor("eventProcessor", axon, BY_TYPE)));
        play(reference, MessageMeters.processor("eventProcessor", ours, BY_TYPE, BY_PROCESSOR));

        assertSameMeters();
        assertThat(ours.get("eventProcessor.latency")
                        .tags("processorName", "hosting-map")
                        .gauge()
                        .value())
                .as("the latency of the last event ingested, in ms: 7 s old when made, ingested 45 ms later")
                .isEqualTo(7_045.0);
        assertThat(ours.get("eventProcessor.ignoredCounter")
                        .tags("payloadType", "String")
                        .counter()
                        .count())
                .isEqualTo(2);
    }

    @Test
    void aBussMetersAreAxons() {
        MessageMonitor<EventMessage<?>> reference = new MultiMessageMonitor<>(
                List.of(axonTimers("commandBus"), MessageCountingMonitor.buildMonitor("commandBus", axon, BY_TYPE)));
        play(reference, MessageMeters.handlers("commandBus", ours, BY_TYPE));

        assertSameMeters();
        assertThat(ours.find("commandBus.latency").meters()).isEmpty();
    }

    @Test
    void theEventBussMetersAreAxons() {
        // As GlobalMetricRegistry#registerEventBus builds them, on the mock clock: timers tagged, counters untagged.
        MessageMonitor<EventMessage<?>> reference = new MultiMessageMonitor<>(
                List.of(MessageCountingMonitor.buildMonitor("eventStore", axon), axonTimers("eventStore")));
        play(reference, new BoundedMetricRegistry(ours).registerEventBus("eventStore", BY_TYPE));

        assertSameMeters();
        assertThat(ours.get("eventStore.ingestedCounter").counter().getId().getTags())
                .as("Axon counts the event bus's messages untagged")
                .isEmpty();

        // And those are the meters GlobalMetricRegistry itself registers (its timers on the system clock).
        SimpleMeterRegistry global = new SimpleMeterRegistry();
        MonitorCallback callback = new GlobalMetricRegistry(global)
                .registerEventBus("eventStore", BY_TYPE)
                .onMessageIngested(event("a", 0));
        callback.reportSuccess();
        assertThat(describe(global).keySet())
                .as("the meters of one String event")
                .isEqualTo(describe(ours).keySet().stream()
                        .filter(id -> !id.contains("payloadType=Integer"))
                        .collect(java.util.stream.Collectors.toSet()));
    }

    @Test
    void metersAreRegisteredOncePerTagSet() {
        MessageMeters meters = MessageMeters.processor("eventProcessor", ours, BY_TYPE, BY_PROCESSOR);
        meters.onMessageIngested(event("a", 0)).reportSuccess();
        Timer first = ours.get("eventProcessor.allTimer")
                .tags("payloadType", "String")
                .timer();
        int registered = ours.getMeters().size();

        for (int i = 0; i < 100; i++) {
            meters.onMessageIngested(event("b" + i, 0)).reportIgnored();
        }

        assertThat(ours.getMeters()).hasSize(registered);
        assertThat(ours.get("eventProcessor.allTimer")
                        .tags("payloadType", "String")
                        .timer())
                .isSameAs(first);
        assertThat(first.count()).isEqualTo(101);
    }

    /**
     * Strings and integers, each handled, failed or ignored after a different time, through both monitors at once.
     */
    private void play(
            MessageMonitor<? super EventMessage<?>> reference, MessageMonitor<? super EventMessage<?>> under) {
        List<EventMessage<?>> messages =
                List.of(event("a", 1_000), event(1, 2_000), event("b", 3_000), event("c", 7_000));
        for (int i = 0; i < messages.size(); i++) {
            EventMessage<?> message = messages.get(i);
            MonitorCallback expected = reference.onMessageIngested(message);
            MonitorCallback actual = under.onMessageIngested(message);
            clock.add(10 + i * 5L, TimeUnit.MILLISECONDS);
            switch (i) {
                case 0 -> {
                    expected.reportSuccess();
                    actual.reportSuccess();
                }
                case 1 -> {
                    expected.reportFailure(new IllegalStateException("refused"));
                    actual.reportFailure(new IllegalStateException("refused"));
                }
                default -> {
                    expected.reportIgnored();
                    actual.reportIgnored();
                }
            }
        }
    }

    /** Axon's timers, on the test's mock clock (Axon's default is the system clock, the registry's in production). */
    private MessageMonitor<Message<?>> axonTimers(String name) {
        return MessageTimerMonitor.builder()
                .meterNamePrefix(name)
                .meterRegistry(axon)
                .tagsBuilder(BY_TYPE)
                .clock(clock)
                .build();
    }

    /** An event published {@code ageMillis} before the clock's wall time. */
    private EventMessage<?> event(Object payload, long ageMillis) {
        Instant at = Instant.ofEpochMilli(clock.wallTime() - ageMillis);
        return new GenericEventMessage<>(UUID.randomUUID().toString(), payload, MetaData.emptyInstance(), at);
    }

    private void assertSameMeters() {
        Map<String, String> expected = describe(axon);
        assertThat(expected).isNotEmpty();
        assertThat(describe(ours)).isEqualTo(expected);
    }

    /** Every meter of the registry by id, with what it measured. */
    private static Map<String, String> describe(SimpleMeterRegistry registry) {
        Map<String, String> meters = new TreeMap<>();
        for (Meter meter : registry.getMeters()) {
            Meter.Id id = meter.getId();
            String value;
            if (meter instanceof Timer timer) {
                value = timer.count() + " in " + timer.totalTime(TimeUnit.NANOSECONDS) + " ns, percentiles "
                        + Arrays.stream(timer.takeSnapshot().percentileValues())
                                .map(ValueAtPercentile::toString)
                                .toList();
            } else if (meter instanceof Counter counter) {
                value = String.valueOf(counter.count());
            } else if (meter instanceof Gauge gauge) {
                value = String.valueOf(gauge.value());
            } else {
                value = meter.getClass().getSimpleName();
            }
            meters.put(id.getType() + " " + id.getName() + " " + id.getTags(), value);
        }
        return meters;
    }
}
