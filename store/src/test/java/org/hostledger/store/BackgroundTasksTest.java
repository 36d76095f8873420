package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostledger.store.maintenance.BackgroundTasks;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Background threads that use the database are stopped without an interrupt ({@link BackgroundTasks}). */
class BackgroundTasksTest {

    @Test
    void aRunningTaskEndsUninterruptedAndPeriodicOnesStop() throws Exception {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicInteger runs = new AtomicInteger();
        executor.scheduleWithFixedDelay(
                () -> {
                    if (runs.incrementAndGet() == 1) {
                        running.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            interrupted.set(true);
                        }
                    }
                },
                0,
                1,
                TimeUnit.MILLISECONDS);
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try {
            var stopped = stopper.submit(() -> BackgroundTasks.stop(executor, Duration.ofSeconds(30), "a test task"));
            Thread.sleep(100);
            assertThat(stopped).as("stop waits for the running task").isNotDone();
            release.countDown();
            assertThat(stopped.get(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            stopper.shutdown();
        }
        assertThat(interrupted).as("the running task was not interrupted").isFalse();
        assertThat(runs).as("the periodic task does not run again").hasValue(1);
        assertThat(executor.isTerminated()).isTrue();
    }

    @Test
    void aTaskStillRunningAfterTheWaitIsLeftAloneNotInterrupted() throws Exception {
        ExecutorService executor = Executors.newSingleThreadExecutor();
        CountDownLatch running = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        executor.execute(() -> {
            running.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(BackgroundTasks.stop(executor, Duration.ofMillis(50), "a test task"))
                .isFalse();

        release.countDown();
        assertThat(executor.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        assertThat(interrupted).isFalse();
    }

    /**
     * Why: H2 closes the whole embedded database when a thread is interrupted in its file I/O. A reader is
     * interrupted until one interrupt lands in a read; then another connection finds the database closed. If H2 one
     * day survives this, the test says so and the reason for {@link BackgroundTasks} can be revisited.
     */
    @Test
    void anInterruptDuringH2FileIoClosesTheEmbeddedDatabase(@TempDir Path dir) throws Exception {
        // A page cache far smaller than the table: every scan reads the file.
        String url = "jdbc:h2:file:" + dir.resolve("db") + ";CACHE_SIZE=1024;DB_CLOSE_ON_EXIT=FALSE";
        Connection other = DriverManager.getConnection(url, "sa", "");
        boolean closed = false;
        try {
            try (Statement statement = other.createStatement()) {
                statement.execute("CREATE TABLE t (id BIGINT PRIMARY KEY, v VARCHAR(1000))");
                statement.execute("INSERT INTO t SELECT x, REPEAT('x', 200) || x FROM SYSTEM_RANGE(1, 100000)");
            }
            for (int attempt = 0; attempt < 50 && !closed; attempt++) {
                Thread reader = new Thread(() -> {
                    try (Connection c = DriverManager.getConnection(url, "sa", "");
                            Statement s = c.createStatement()) {
                        for (int n = 0; n < 1000; n++) {
                            try (ResultSet rs =
                                    s.executeQuery("SELECT SUM(LENGTH(v)) FROM t WHERE MOD(id, 7) = " + (n % 7))) {
                                rs.next();
                            }
                        }
                    } catch (Exception e) {
                        // the interrupted read fails; what matters is what the other connection sees
                    }
                });
                reader.start();
                Thread.sleep(20 + attempt * 3);
                reader.interrupt();
                reader.join();
                try (Statement s = other.createStatement();
                        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
                    rs.next();
                } catch (Exception e) {
                    closed = true;
                }
            }
        } finally {
            // Without writing anything: a normal close commits, and H2 2.3.232 spins for ever in MVStore.closeStore
            // when that commit finds the panic an interrupt left (closeImmediately, called from inside closeStore,
            // waits for the outer call to finish). Seen once in a CI rehearsal: the fork spun until killed.
            try (Statement s = other.createStatement()) {
                s.execute("SHUTDOWN IMMEDIATELY");
            } catch (Exception e) {
                // already closed with the database
            }
            try {
                other.close();
            } catch (Exception e) {
                // closed with the database
            }
        }
        assertThat(closed)
                .as("an interrupt during H2's file I/O closed the database for another connection")
                .isTrue();
    }
}
