package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostledger.store.maintenance.EmbeddedStoreMaintenance;
import org.junit.jupiter.api.Test;

/**
 * Stopping the application lets a compaction under way end rather than interrupting it: an interrupt in H2's file
 * I/O closes the embedded database (the WARN "compacting the embedded store failed: Reading from file … failed" at
 * the end of a run, before this).
 */
class EmbeddedStoreMaintenanceStopTest {

    @Test
    void stopWaitsForTheCompactionUnderWayWithoutInterruptingIt() throws Exception {
        CountDownLatch compacting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger compactions = new AtomicInteger();
        EmbeddedStoreMaintenance maintenance = new EmbeddedStoreMaintenance(null, Duration.ofMillis(1)) {
            @Override
            public boolean compact() {
                // The first compaction is the one start() runs itself; the second is the scheduled one, held.
                if (compactions.incrementAndGet() == 2) {
                    compacting.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                    }
                }
                return true;
            }

            @Override
            public int retentionMillis() {
                return 1000;
            }
        };
        maintenance.start();
        assertThat(compacting.await(10, TimeUnit.SECONDS)).isTrue();

        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try {
            Future<?> stopped = stopper.submit((Runnable) maintenance::stop);
            Thread.sleep(100);
            assertThat(stopped).as("stop waits for the compaction under way").isNotDone();
            release.countDown();
            stopped.get(30, TimeUnit.SECONDS);
        } finally {
            stopper.shutdown();
        }
        assertThat(interrupted).as("the compaction was not interrupted").isFalse();
        assertThat(maintenance.isRunning()).isFalse();
        int after = compactions.get();
        Thread.sleep(50);
        assertThat(compactions).as("no compaction after the stop").hasValue(after);
    }
}
