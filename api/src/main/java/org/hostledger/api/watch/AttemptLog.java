package org.hostledger.api.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes the senders' attempts to the delivery log from one thread, all those that arrived while it wrote the previous
 * ones in one transaction (group commit): an idle dispatcher still writes each attempt at once, a busy one writes
 * hundreds per commit instead of one each.
 *
 * <p>An attempt is in the log a few milliseconds after its answer rather than before the sender takes the next one.
 * Until then its notification keeps its lease, so no node sends it again; if the node dies meanwhile, or the write
 * fails, the notification is sent again when its lease ends, with the same id — at least once, as before.
 */
final class AttemptLog {

    private static final Logger log = LoggerFactory.getLogger(AttemptLog.class);

    /** At most this many attempts per transaction. */
    static final int BATCH = 500;

    /** Attempts waiting for the writer; a sender that finds it full waits (the log cannot fall behind unbounded). */
    private static final int CAPACITY = 10_000;

    /** How often an idle writer looks whether it was closed. */
    private static final long IDLE_CHECK_MS = 50;

    private final WatchStore store;
    private final Runnable written;
    private final BlockingQueue<WatchStore.Attempted> queue = new LinkedBlockingQueue<>(CAPACITY);
    private final Thread writer;
    private volatile boolean closed;

    /** {@code written} runs after each transaction (the dispatcher looks again: a record's next notification may be due). */
    AttemptLog(WatchStore store, Runnable written) {
        this.store = store;
        this.written = written;
        this.writer = new Thread(this::run, "hostledger-webhook-log");
        this.writer.setDaemon(true);
    }

    void start() {
        writer.start();
    }

    /** Queues an attempt for the log; waits while the queue is full. */
    void record(WatchStore.Attempted attempt) throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("the delivery log is closed");
        }
        queue.put(attempt);
    }

    /** Writes what is queued and stops, waiting at most {@code patience} for the last transaction. */
    void close(Duration patience) {
        // Not interrupted: an interrupt during a write could close the embedded database's file under it.
        closed = true;
        try {
            writer.join(patience.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (!queue.isEmpty()) {
            log.warn(
                    "{} webhook attempts not written to the delivery log at shutdown; their notifications will be sent"
                            + " again when their leases end",
                    queue.size());
        }
    }

    private void run() {
        List<WatchStore.Attempted> batch = new ArrayList<>();
        while (!(closed && queue.isEmpty())) {
            WatchStore.Attempted first;
            try {
                first = queue.poll(IDLE_CHECK_MS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                return; // not done by close(); the daemon's owner is going away
            }
            if (first == null) {
                continue;
            }
            batch.add(first);
            queue.drainTo(batch, BATCH - 1);
            write(batch);
            batch.clear();
        }
    }

    private void write(List<WatchStore.Attempted> batch) {
        try {
            store.recordAttempts(batch);
        } catch (RuntimeException e) {
            log.warn(
                    "Writing {} webhook attempts to the delivery log failed; their notifications will be sent again"
                            + " when their leases end",
                    batch.size(),
                    e);
            return;
        }
        try {
            written.run();
        } catch (RuntimeException e) {
            log.warn("Waking the webhook dispatcher after writing its delivery log failed", e);
        }
    }
}
