package org.hostledger.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/** Concurrent clients looping on GET requests for a fixed time: throughput and latencies. */
final class HttpLoad {

    record Result(double perSecond, double p50Millis, double p99Millis, long errors) {}

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .executor(Executors.newFixedThreadPool(4))
            .build();
    private final String base;

    HttpLoad(int port) {
        this.base = "http://localhost:" + port;
    }

    /** {@code clients} threads each send {@code path.apply(n)} for {@code seconds}, after a warm-up. */
    Result run(int clients, double warmupSeconds, double seconds, IntFunction<String> path) throws Exception {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                workers.add(pool.submit(() -> {
                    List<Double> mine = new ArrayList<>();
                    while (true) {
                        long started = System.nanoTime();
                        if (started > end) {
                            break;
                        }
                        HttpRequest request = HttpRequest.newBuilder(
                                URI.create(base + path.apply((int) counter.getAndIncrement()))).GET().build();
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        long finished = System.nanoTime();
                        if (started >= warmupEnd) {
                            if (response.statusCode() != 200) {
                                errors.incrementAndGet();
                            }
                            mine.add((finished - started) / 1e6);
                        }
                    }
                    latencies.addAll(mine);
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } finally {
            pool.shutdown();
        }
        return new Result(latencies.size() / seconds, Figure.percentile(latencies, 50), Figure.percentile(latencies, 99),
                errors.get());
    }
}
