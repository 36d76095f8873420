package org.hostledger.api.config;

import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import java.util.Arrays;

/**
 * How long handlers were busy over a sliding window, in one-second buckets: {@link #capacity} is the busy time of the
 * last {@code window} divided by the window, what Axon's capacity gauge reports (1.0: one thread busy all the time).
 * Memory is one pair of arrays whatever the message rate, where Axon's own reservoir keeps one entry per message of
 * the window.
 */
final class BusyTime {

    private static final long SECOND = 1_000_000_000L;

    private final Clock clock;
    private final long windowNanos;
    private final long[] busyNanos;
    private final long[] bucketSecond;

    BusyTime(Clock clock, Duration window) {
        if (window.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("a capacity window of at least one second, got " + window);
        }
        this.clock = clock;
        this.windowNanos = window.toSeconds() * SECOND;
        int buckets = Math.toIntExact(window.toSeconds());
        this.busyNanos = new long[buckets];
        this.bucketSecond = new long[buckets];
        Arrays.fill(bucketSecond, Long.MIN_VALUE);
    }

    /** A handler was busy from {@code startNanos} to now (the clock's monotonic time). */
    void add(long startNanos) {
        long end = clock.monotonicTime();
        long second = Math.floorDiv(end, SECOND);
        int bucket = Math.floorMod(second, busyNanos.length);
        synchronized (this) {
            if (bucketSecond[bucket] != second) {
                bucketSecond[bucket] = second;
                busyNanos[bucket] = 0;
            }
            busyNanos[bucket] += Math.max(0, end - startNanos);
        }
    }

    /** Busy time within the window that ends now, over the window's length. */
    double capacity() {
        long now = Math.floorDiv(clock.monotonicTime(), SECOND);
        long busy = 0;
        synchronized (this) {
            for (int i = 0; i < busyNanos.length; i++) {
                if (bucketSecond[i] > now - busyNanos.length && bucketSecond[i] <= now) {
                    busy += busyNanos[i];
                }
            }
        }
        return (double) busy / windowNanos;
    }
}
