package org.hostledger.store.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.common.IdentifierFactory;
import org.axonframework.eventhandling.GenericEventMessage;
import org.junit.jupiter.api.Test;

class TimeOrderedIdentifierFactoryTest {

    @Test
    void axonFindsItAsItsIdentifierFactory() {
        assertThat(IdentifierFactory.getInstance()).isInstanceOf(TimeOrderedIdentifierFactory.class);
        UUID id = UUID.fromString(GenericEventMessage.asEventMessage("payload").getIdentifier());
        assertThat(id.version()).isEqualTo(7);
    }

    @Test
    void anIdentifierIsAVersion7UuidCarryingTheMillisecondItWasMadeIn() {
        long millis = 1_764_547_200_123L; // 2025-12-01T00:00:00.123Z
        UUID id = UUID.fromString(new TimeOrderedIdentifierFactory(() -> millis).generateIdentifier());
        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        // RFC 9562's own example of a version 7 UUID reads back its time the same way.
        UUID example = UUID.fromString("017f22e2-79b0-7cc3-98c4-dc0c0c07398f");
        assertThat(example.version()).isEqualTo(7);
        assertThat(example.getMostSignificantBits() >>> 16).isEqualTo(0x017F22E279B0L);
    }

    @Test
    void laterIdentifiersSortAfterEarlierOnesAsTextAndAllDiffer() {
        AtomicLong clock = new AtomicLong(1_700_000_000_000L);
        TimeOrderedIdentifierFactory factory = new TimeOrderedIdentifierFactory(clock::get);
        List<String> ids = new ArrayList<>();
        Set<String> distinct = new HashSet<>();
        for (int ms = 0; ms < 1_000; ms++) {
            for (int i = 0; i < 50; i++) {
                String id = factory.generateIdentifier();
                ids.add(id);
                distinct.add(id);
            }
            clock.incrementAndGet();
        }
        assertThat(distinct).hasSize(ids.size());
        // Every identifier of a millisecond sorts after every identifier of the millisecond before.
        for (int ms = 1; ms < 1_000; ms++) {
            String latestBefore = ids.subList((ms - 1) * 50, ms * 50).stream()
                    .max(String::compareTo)
                    .orElseThrow();
            String earliestNow = ids.subList(ms * 50, (ms + 1) * 50).stream()
                    .min(String::compareTo)
                    .orElseThrow();
            assertThat(earliestNow).isGreaterThan(latestBefore);
        }
    }

    @Test
    void eachThreadDrawsFromAStrongGeneratorOfItsOwnAndIdentifiersFromManyThreadsAllDiffer() throws Exception {
        // One shared generator (UUID.randomUUID's NativePRNG) takes a global lock on every identifier; a generator per
        // thread takes none that another thread holds.
        SecureRandom here = TimeOrderedIdentifierFactory.random();
        assertThat(here.getAlgorithm()).isEqualTo("DRBG");
        assertThat(TimeOrderedIdentifierFactory.random()).isSameAs(here);
        TimeOrderedIdentifierFactory factory = new TimeOrderedIdentifierFactory(() -> 1_700_000_000_000L);
        int threads = 8;
        int each = 20_000;
        record Made(SecureRandom generator, List<String> ids) {}
        // All eight run at once: each on a thread of its own.
        CyclicBarrier together = new CyclicBarrier(threads);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Made>> made = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                made.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    List<String> ids = new ArrayList<>(each);
                    for (int i = 0; i < each; i++) {
                        ids.add(factory.generateIdentifier());
                    }
                    return new Made(TimeOrderedIdentifierFactory.random(), ids);
                }));
            }
            Set<String> distinct = new HashSet<>();
            Set<SecureRandom> generators = Collections.newSetFromMap(new IdentityHashMap<>());
            for (Future<Made> m : made) {
                generators.add(m.get().generator());
                for (String id : m.get().ids()) {
                    UUID uuid = UUID.fromString(id);
                    assertThat(uuid.version()).isEqualTo(7);
                    assertThat(uuid.variant()).isEqualTo(2);
                    distinct.add(id);
                }
            }
            // All in one millisecond: only the 74 random bits tell them apart.
            assertThat(distinct).hasSize(threads * each);
            assertThat(generators).hasSize(threads).doesNotContain(here);
        } finally {
            pool.shutdownNow();
        }
    }
}
