package org.hostledger.api.alerts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock the test sets, which then runs on from there at the pace of real time (retries and leases fall due): the
 * application's "today" and "now" (the edge's one clock) follow it.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset;

    public MovableClock(Instant start) {
        this.offset = new AtomicReference<>(Duration.between(Instant.now(), start));
    }

    public void set(Instant instant) {
        offset.set(Duration.between(Instant.now(), instant));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(instant(), zone);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset.get());
    }

    /** Replaces the application's clock in a test context. */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {

        @Bean
        @Primary
        public MovableClock movableClock() {
            return new MovableClock(Instant.parse("2026-12-01T10:00:00Z"));
        }
    }
}
