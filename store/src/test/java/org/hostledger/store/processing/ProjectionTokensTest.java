package org.hostledger.store.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Readings of the token table are shared by concurrent callers, and never older than the call. */
class ProjectionTokensTest {

    /** Counts readings; each answers its own number, and waits for a permit when told to. */
    private final AtomicInteger readings = new AtomicInteger();

    private final Semaphore permits = new Semaphore(0);
    private volatile boolean hold;
    private final CountDownLatch firstStarted = new CountDownLatch(1);

    private final ExecutorService callers = Executors.newCachedThreadPool();

    private final ProjectionTokens tokens = new ProjectionTokens(() -> {
        int n = readings.incrementAndGet();
        firstStarted.countDown();
        if (hold) {
            try {
                if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("reading " + n + " never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        if (n == 99) {
            throw new IllegalStateException("database gone");
        }
        return List.of(ByteBuffer.wrap(new byte[] {(byte) n}));
    });

    @AfterEach
    void stop() {
        callers.shutdownNow();
    }

    private static int number(List<ByteBuffer> read) {
        return read.get(0).get(0);
    }

    @Test
    void aCallerAloneReadsEachTime() {
        assertThat(number(tokens.read())).isEqualTo(1);
        assertThat(number(tokens.read())).isEqualTo(2);
        assertThat(readings).hasValue(2);
    }

    @Test
    void callersThatAskDuringAReadingShareTheNextOneNeverTheOneUnderWay() throws Exception {
        hold = true;
        Future<List<ByteBuffer>> first = callers.submit(tokens::read);
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        // Reading 1 is under way; these ask now, after it began: it may miss what they must see.
        List<Future<List<ByteBuffer>>> later =
                List.of(callers.submit(tokens::read), callers.submit(tokens::read), callers.submit(tokens::read));
        awaitWaiting(3);
        permits.release();
        assertThat(number(first.get(30, TimeUnit.SECONDS))).isEqualTo(1);
        // One of them reads again; the other two wait for that reading, not for a third.
        awaitReadings(2);
        awaitWaiting(2);
        permits.release();

        for (Future<List<ByteBuffer>> read : later) {
            assertThat(number(read.get(30, TimeUnit.SECONDS))).isEqualTo(2);
        }
        assertThat(readings).hasValue(2);
    }

    @Test
    void aFailedReadingFailsThoseSharingItAndTheNextCallerReadsAgain() throws Exception {
        readings.set(97);
        List<Future<List<ByteBuffer>>> shared = twoSharingTheSecondReading(98);

        // Reading 99 fails: both callers that shared it hear why.
        for (Future<List<ByteBuffer>> failed : shared) {
            assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS))
                    .hasRootCauseInstanceOf(IllegalStateException.class)
                    .hasRootCauseMessage("database gone");
        }
        hold = false;
        assertThat(number(tokens.read())).isEqualTo(100);
    }

    @Test
    void aCallerThatAskedDuringAReadingThatFailsHearsThatFailureWithoutReadingAgain() throws Exception {
        readings.set(98);
        hold = true;
        Future<List<ByteBuffer>> first = callers.submit(tokens::read);
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        Future<List<ByteBuffer>> during = callers.submit(tokens::read);
        awaitWaiting(1);
        permits.release();

        for (Future<List<ByteBuffer>> failed : List.of(first, during)) {
            assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS)).hasRootCauseMessage("database gone");
        }
        assertThat(readings).hasValue(99);
    }

    @Test
    void eachCallerGetsBuffersOfItsOwn() throws Exception {
        List<Future<List<ByteBuffer>>> shared = twoSharingTheSecondReading(1);
        ByteBuffer a = shared.get(0).get(30, TimeUnit.SECONDS).get(0);
        ByteBuffer b = shared.get(1).get(30, TimeUnit.SECONDS).get(0);

        a.get();
        assertThat(b.remaining()).isEqualTo(1);
    }

    /**
     * Holds a first reading (answering {@code first}) while two callers ask, lets it end, and lets the next reading run
     * once both wait for it: answers the two callers' reads.
     */
    private List<Future<List<ByteBuffer>>> twoSharingTheSecondReading(int first) throws Exception {
        hold = true;
        Future<List<ByteBuffer>> holder = callers.submit(tokens::read);
        assertThat(firstStarted.await(30, TimeUnit.SECONDS)).isTrue();
        List<Future<List<ByteBuffer>>> shared = List.of(callers.submit(tokens::read), callers.submit(tokens::read));
        awaitWaiting(2);
        permits.release();
        assertThat(number(holder.get(30, TimeUnit.SECONDS))).isEqualTo(first);
        awaitReadings(first + 1);
        awaitWaiting(1);
        permits.release();
        return shared;
    }

    private void awaitReadings(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (readings.get() < n) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("reading " + n + " never started");
            }
            Thread.sleep(5);
        }
    }

    /**
     * Waits until {@code n} callers wait for a reading someone else runs (the one running a held reading waits for a
     * permit, with a time-out: another state).
     */
    private void awaitWaiting(int n) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            long waiting = Thread.getAllStackTraces().entrySet().stream()
                    .filter(e -> e.getKey().getState() == Thread.State.WAITING
                            && java.util.Arrays.stream(e.getValue())
                                    .anyMatch(f -> f.getClassName().equals(ProjectionTokens.class.getName())))
                    .count();
            if (waiting >= n) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("the callers never waited");
    }
}
