package org.hostledger.api.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MockClock;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleConfig;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor.MonitorCallback;
import org.junit.jupiter.api.Test;

/**
 * The capacity gauges say what Axon's say (busy time over the last ten minutes, in threads), in constant memory: one
 * bucket a second, whatever the number of messages.
 */
class CapacityGaugesTest {

    private final MockClock clock = new MockClock();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry(SimpleConfig.DEFAULT, clock);

    private static Message<?> event(Object payload) {
        return GenericEventMessage.asEventMessage(payload);
    }

    private double capacity(String payloadType) {
        Gauge gauge = registry.find("eventProcessor.capacity")
                .tags(Tags.of("payloadType", payloadType))
                .gauge();
        assertThat(gauge).as("gauge for " + payloadType).isNotNull();
        return gauge.value();
    }

    @Test
    void busyTimeOverTheWindowPerTagSet() {
        CapacityGauges gauges = new CapacityGauges(
                "eventProcessor",
                registry,
                m -> Tags.of("payloadType", m.getPayloadType().getSimpleName()));

        // Two handlers busy 3 s each on strings, one busy 60 s on an integer (a failure is busy time too).
        MonitorCallback first = gauges.onMessageIngested(event("a"));
        MonitorCallback second = gauges.onMessageIngested(event("b"));
        MonitorCallback number = gauges.onMessageIngested(event(1));
        clock.add(3, TimeUnit.SECONDS);
        first.reportSuccess();
        second.reportIgnored();
        clock.add(57, TimeUnit.SECONDS);
        number.reportFailure(new IllegalStateException("refused"));

        double window = CapacityGauges.WINDOW.toSeconds();
        assertThat(capacity("String")).isCloseTo(6 / window, within(1e-9));
        assertThat(capacity("Integer")).isCloseTo(60 / window, within(1e-9));

        // A window after the strings' end, their busy time has left the gauge; the integer's ended later.
        clock.add(CapacityGauges.WINDOW.minusSeconds(57));
        assertThat(capacity("String")).isZero();
        assertThat(capacity("Integer")).isCloseTo(60 / window, within(1e-9));
        clock.add(57, TimeUnit.SECONDS);
        assertThat(capacity("Integer")).isZero();
    }

    @Test
    void aBucketReusedAWindowLaterForgetsItsOldSecond() {
        BusyTime busy = new BusyTime(clock, Duration.ofSeconds(10));
        long start = clock.monotonicTime();
        clock.add(1, TimeUnit.SECONDS);
        busy.add(start);
        assertThat(busy.capacity()).isCloseTo(0.1, within(1e-9));

        // Ten seconds later the same bucket holds a new second: the old one is not added to it.
        clock.add(10, TimeUnit.SECONDS);
        start = clock.monotonicTime();
        clock.add(500, TimeUnit.MILLISECONDS);
        busy.add(start);
        assertThat(busy.capacity()).isCloseTo(0.05, within(1e-9));
    }

    @Test
    void aMillionMessagesKeepTheSameBuckets() {
        BusyTime busy = new BusyTime(clock, Duration.ofSeconds(60));
        // A million messages of 1 ms each, one every 100 µs (ten handlers at once), over 100 s: the last 60 seconds
        // (59 whole and the current one begun) hold about ten threads' worth of busy time.
        for (int i = 0; i < 1_000_000; i++) {
            clock.add(100, TimeUnit.MICROSECONDS);
            busy.add(clock.monotonicTime() - 1_000_000);
        }
        assertThat(busy.capacity()).isBetween(9.8, 10.0);
    }

    @Test
    void aWindowShorterThanASecondIsRefused() {
        assertThatThrownBy(() -> new BusyTime(clock, Duration.ofMillis(500)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
