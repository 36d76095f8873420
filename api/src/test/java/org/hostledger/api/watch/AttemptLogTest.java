package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The delivery log's writer without a database: a failed write is reported and the writer goes on. */
class AttemptLogTest {

    /** A store whose first write fails, as when the database is briefly unreachable. */
    private static final class FlakyStore extends WatchStore {

        final List<List<Attempted>> written = new CopyOnWriteArrayList<>();
        final AtomicInteger calls = new AtomicInteger();

        FlakyStore() {
            super(null, null);
        }

        @Override
        public void recordAttempts(List<Attempted> attempts) {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("connection refused");
            }
            written.add(List.copyOf(attempts));
        }
    }

    @Test
    void aFailedWriteIsReportedAndTheNextAttemptsAreStillWritten() throws Exception {
        FlakyStore store = new FlakyStore();
        CountDownLatch told = new CountDownLatch(1);
        AttemptLog log = new AttemptLog(store, told::countDown);
        log.start();

        log.record(attempt("msg_lost"));
        // The failed write's attempts are not retried by the log: their notifications keep their lease and are sent
        // again when it ends (the outbox, not this queue, is what survives).
        while (store.calls.get() == 0) {
            Thread.sleep(5);
        }
        log.record(attempt("msg_kept"));

        assertThat(told.await(10, TimeUnit.SECONDS))
                .as("the dispatcher is told after a write that succeeded")
                .isTrue();
        log.close(Duration.ofSeconds(10));
        assertThat(store.written).hasSize(1);
        assertThat(store.written.get(0))
                .extracting(WatchStore.Attempted::notificationId)
                .containsExactly("msg_kept");
    }

    private static WatchStore.Attempted attempt(String id) {
        return new WatchStore.Attempted(id, Instant.now(), "node", 204, null, 3, WatchStore.Status.DELIVERED, null);
    }
}
