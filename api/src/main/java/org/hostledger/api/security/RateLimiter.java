package org.hostledger.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.TimeUnit;

/**
 * One token bucket per key (a client address, a principal). Buckets of keys not seen for two periods are dropped —
 * they would be full again anyway — and at most {@code maxClients} are kept, so that a flood of new keys costs
 * bounded memory.
 */
final class RateLimiter {

    /** Whether a request may go on; if not, in how many seconds it may. */
    record Verdict(boolean allowed, long remaining, long retryAfterSeconds, long resetSeconds) {}

    private final SecurityProperties.Limit limit;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    RateLimiter(SecurityProperties.Limit limit, long maxClients, TimeMeter clock) {
        if (limit.getCapacity() < 1
                || limit.getPeriod() == null
                || limit.getPeriod().isZero()) {
            throw new IllegalStateException(
                    "hostledger.security.rate-limits: each limit needs a capacity of at least 1 " + "and a period, got "
                            + limit.getCapacity() + " per " + limit.getPeriod());
        }
        this.limit = limit;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(limit.getPeriod().multipliedBy(2))
                .build();
    }

    long capacity() {
        return limit.getCapacity();
    }

    /** Takes one token for {@code key} if there is one. */
    Verdict consume(String key) {
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return new Verdict(
                probe.isConsumed(),
                probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForRefill()),
                untilFull(probe.getRemainingTokens()));
    }

    /** Whether {@code key} has a token left, without taking it. */
    Verdict peek(String key) {
        Bucket bucket = buckets.getIfPresent(key);
        if (bucket == null) {
            return new Verdict(true, limit.getCapacity(), 0, 0);
        }
        long wait = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        long available = bucket.getAvailableTokens();
        return new Verdict(wait == 0, available, seconds(wait), untilFull(available));
    }

    private Bucket bucket(String key) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(limit.getCapacity())
                        .refillGreedy(limit.getCapacity(), limit.getPeriod())
                        .build())
                .withCustomTimePrecision(clock)
                .build());
    }

    /** Seconds until the bucket is full again: tokens come back evenly over the period. */
    private long untilFull(long available) {
        long missing = Math.max(0, limit.getCapacity() - available);
        return seconds(limit.getPeriod().toNanos() / limit.getCapacity() * missing);
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : Math.max(1, TimeUnit.NANOSECONDS.toSeconds(nanos + 999_999_999L));
    }
}
