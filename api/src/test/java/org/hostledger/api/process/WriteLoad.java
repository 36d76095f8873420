package org.hostledger.api.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hostledger.api.Http;

/**
 * Writer threads registering hosts ({@code <prefix>-<n>}) as fast as the application answers; remembers which writes
 * were acknowledged (201), in the order the answers came, and every other answer.
 */
final class WriteLoad implements AutoCloseable {

    /** An answer other than 201; status -1 when the connection failed. */
    record Refusal(int status, String contentType, String body, long millis) {}

    private final List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    private final List<Refusal> refusals = Collections.synchronizedList(new ArrayList<>());
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong slowest = new AtomicLong();
    private final ExecutorService writers;

    WriteLoad(int port, String prefix, int threads) {
        AtomicInteger counter = new AtomicInteger();
        writers = Executors.newFixedThreadPool(threads);
        for (int w = 0; w < threads; w++) {
            writers.submit(() -> {
                Http client = new Http(port);
                while (running.get()) {
                    String id = prefix + "-" + counter.incrementAndGet();
                    long start = System.nanoTime();
                    try {
                        Http.Response response = client.at("/api/hosts")
                                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                                .post("{\"id\":\"" + id + "\",\"name\":\"Load " + id + "\",\"country\":\"FR\","
                                        + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                                .send();
                        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                        slowest.accumulateAndGet(millis, Math::max);
                        if (response.status() == 201) {
                            acknowledged.add(id);
                        } else {
                            refusals.add(
                                    new Refusal(response.status(), response.contentType(), response.body(), millis));
                        }
                    } catch (AssertionError connectionLost) {
                        // the server died or stopped under us: this write was never acknowledged
                        refusals.add(new Refusal(
                                -1,
                                null,
                                connectionLost.getMessage(),
                                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
                    }
                }
            });
        }
    }

    /** The writes acknowledged so far, in the order their answers came. */
    List<String> acknowledged() {
        synchronized (acknowledged) {
            return List.copyOf(acknowledged);
        }
    }

    List<Refusal> refusals() {
        synchronized (refusals) {
            return List.copyOf(refusals);
        }
    }

    /** The longest a write waited for its answer, in milliseconds. */
    long slowestMillis() {
        return slowest.get();
    }

    /** Waits until at least {@code count} writes were acknowledged; false when {@code max} passed first. */
    boolean awaitAcknowledged(int count, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (acknowledged.size() < count) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        return true;
    }

    /** Waits until an answer of this status came; false when {@code max} passed first. */
    boolean awaitRefusal(int status, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (refusals().stream().noneMatch(r -> r.status() == status)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
        return true;
    }

    /** Stops the writers and waits for their last requests. */
    @Override
    public void close() throws InterruptedException {
        running.set(false);
        writers.shutdown();
        if (!writers.awaitTermination(2, TimeUnit.MINUTES)) {
            writers.shutdownNow();
            throw new AssertionError("the writers did not stop");
        }
    }
}
