package org.hostledger.store.maintenance;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops the background threads that use the database without interrupting them. An interrupt that reaches a thread
 * while the embedded H2 store reads or writes its file closes the file's channel under every session: the store
 * fails ("Reading from file … failed") and the database is closed for all its users (measured with H2 2.3.232: one
 * interrupted reader closes the database). So a task under way is allowed to finish, and the ones scheduled later are
 * cancelled.
 */
public final class BackgroundTasks {

    private static final Logger log = LoggerFactory.getLogger(BackgroundTasks.class);

    /** How long {@link #stop(ExecutorService, String)} waits: a database task under way ends well within it. */
    static final Duration WAIT = Duration.ofSeconds(10);

    private BackgroundTasks() {}

    /** {@link #stop(ExecutorService, Duration, String)} with a wait of {@link #WAIT}. */
    public static boolean stop(ExecutorService executor, String what) {
        return stop(executor, WAIT, what);
    }

    /**
     * Shuts {@code executor} down (its periodic tasks no longer run again) and waits up to {@code wait} for the task
     * it may be running. A task still running after that is left to end on its own, never interrupted.
     *
     * @return whether the executor ended within {@code wait}
     */
    public static boolean stop(ExecutorService executor, Duration wait, String what) {
        executor.shutdown();
        try {
            if (executor.awaitTermination(wait.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        log.warn("{} is still running {} after it was asked to stop; left to end on its own", what, wait);
        return false;
    }
}
