package org.hostledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.bucket4j.TimeMeter;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong nanos = new AtomicLong();
    private final TimeMeter clock = new TimeMeter() {
        @Override
        public long currentTimeNanos() {
            return nanos.get();
        }

        @Override
        public boolean isWallClockBased() {
            return false;
        }
    };
    private final RateLimiter limiter =
            new RateLimiter(new SecurityProperties.Limit(3, Duration.ofMinutes(1)), 1000, clock);

    @Test
    void aKeyGetsItsCapacityThenWaits() {
        for (int i = 2; i >= 0; i--) {
            RateLimiter.Verdict verdict = limiter.consume("a");
            assertThat(verdict.allowed()).isTrue();
            assertThat(verdict.remaining()).isEqualTo(i);
            assertThat(verdict.resetSeconds()).as("20 s per missing token").isEqualTo(20L * (3 - i));
        }
        RateLimiter.Verdict refused = limiter.consume("a");
        assertThat(refused.allowed()).isFalse();
        // One token of three per minute comes back after 20 s.
        assertThat(refused.retryAfterSeconds()).isEqualTo(20);
        assertThat(limiter.peek("a").allowed()).isFalse();
    }

    @Test
    void keysHaveTheirOwnBuckets() {
        for (int i = 0; i < 3; i++) {
            limiter.consume("a");
        }
        assertThat(limiter.consume("b").allowed()).isTrue();
        assertThat(limiter.peek("c").allowed()).isTrue();
    }

    @Test
    void tokensComeBackWithTime() {
        for (int i = 0; i < 4; i++) {
            limiter.consume("a");
        }
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());
        assertThat(limiter.peek("a").allowed()).isTrue();
        assertThat(limiter.consume("a").allowed()).isTrue();
        assertThat(limiter.consume("a").allowed()).isFalse();
    }

    @Test
    void peekingTakesNothing() {
        for (int i = 0; i < 10; i++) {
            assertThat(limiter.peek("a").allowed()).isTrue();
        }
        assertThat(limiter.consume("a").remaining()).isEqualTo(2);
    }

    @Test
    void aLimitWithoutCapacityIsAConfigurationError() {
        assertThatThrownBy(() -> new RateLimiter(new SecurityProperties.Limit(0, Duration.ofMinutes(1)), 10, clock))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("rate-limits");
    }
}
