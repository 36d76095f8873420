package org.hostledger.store.maintenance;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps the embedded H2 file compact. Every commit is written to the file before the client hears 2xx
 * ({@code WRITE_DELAY=0}), which leaves H2 without the background thread that normally rewrites half-empty chunks:
 * without this task the file grows by tens of kilobytes per one-event transaction. Every few seconds, chunks less than
 * {@value #TARGET_FILL_RATE}% full are rewritten so that their space is reused. Does nothing on PostgreSQL.
 *
 * <p>The space of a freed chunk is reused once the store's retention time has passed ({@code RETENTION_TIME} in the
 * URL). H2 reads some chunks without holding a version, as when it refreshes a table's statistics after a commit; with
 * a retention time of 0 such a read can find its chunk already overwritten, and the commit fails with "Chunk N not
 * found" although its data is in the file (h2database#4383). A store opened with less than
 * {@value #MIN_RETENTION_MILLIS} ms is reported at start.
 */
public class EmbeddedStoreMaintenance implements SmartLifecycle {

    static final int TARGET_FILL_RATE = 80;
    static final int MIN_RETENTION_MILLIS = 1000;
    private static final int REWRITE_BYTES = 16 << 20;

    private static final Logger log = LoggerFactory.getLogger(EmbeddedStoreMaintenance.class);

    private final DataSource dataSource;
    private final Duration every;
    private ScheduledExecutorService scheduler;
    private volatile boolean running;

    public EmbeddedStoreMaintenance(
            DataSource dataSource, @Value("${hostledger.h2-compaction-interval:5s}") Duration every) {
        this.dataSource = dataSource;
        this.every = every;
    }

    /** Rewrites sparse chunks once; answers false when the store is not an embedded H2 one. */
    public boolean compact() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = embeddedStore(connection);
            if (store == null) {
                return false;
            }
            store.compact(TARGET_FILL_RATE, REWRITE_BYTES);
            return true;
        } catch (Exception e) {
            log.warn("compacting the embedded store failed: {}", e.getMessage());
            return false;
        }
    }

    /**
     * How long the embedded store keeps a freed chunk before reusing its space, in milliseconds; -1 when the store is
     * not an embedded H2 one.
     */
    public int retentionMillis() {
        try (Connection connection = dataSource.getConnection()) {
            MVStore store = embeddedStore(connection);
            return store == null ? -1 : store.getRetentionTime();
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the embedded store's retention time", e);
        }
    }

    private static MVStore embeddedStore(Connection connection) throws Exception {
        if (!connection.isWrapperFor(JdbcConnection.class)
                || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
            return null;
        }
        return session.getDatabase().getStore().getMvStore();
    }

    @Override
    public void start() {
        if (!compact()) {
            return;
        }
        int retention = retentionMillis();
        if (retention < MIN_RETENTION_MILLIS) {
            log.warn(
                    "the embedded store reuses freed chunks after {} ms (RETENTION_TIME in the URL): below {} ms, H2 can"
                            + " fail a commit with \"Chunk not found\" while other sessions write (h2database#4383)",
                    retention,
                    MIN_RETENTION_MILLIS);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostledger-h2-compaction");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(this::compact, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Lets a compaction under way end rather than interrupting it: an interrupt in H2's file I/O would close the
     * database ({@link BackgroundTasks}).
     */
    @Override
    public void stop() {
        running = false;
        if (scheduler != null) {
            BackgroundTasks.stop(scheduler, "the embedded store's compaction");
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
