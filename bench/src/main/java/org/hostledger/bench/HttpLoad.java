package org.hostledger.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;

/**
 * Concurrent clients looping on GET requests for a fixed time: throughput and latencies. Each client is a plain
 * HTTP/1.1 keep-alive connection read and written by one thread — the cheapest client there is, so that on a small
 * machine the load generator takes as little as possible from the server it measures, for the view and its ceiling
 * alike.
 */
final class HttpLoad {

    record Result(double perSecond, double p50Millis, double p99Millis, long errors) {}

    private final int port;

    HttpLoad(int port) {
        this.port = port;
    }

    /** {@code clients} connections each send {@code path.apply(n)} for {@code seconds}, after a warm-up. */
    Result run(int clients, double warmupSeconds, double seconds, IntFunction<String> path) throws Exception {
        long warmupEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
        long end = warmupEnd + (long) (seconds * 1e9);
        // Closed loop: each request is due when its connection is free, until the end.
        return drive(clients, warmupEnd, seconds, path, i -> {
            long now = System.nanoTime();
            return now > end ? -1 : now;
        });
    }

    /**
     * An open-loop load: request {@code i} is due at {@code start + i / rate}, whatever became of the earlier ones, and
     * its latency is counted from that due time, not from when a connection got round to sending it — so a stall of
     * the server shows in full instead of slowing the load down (no coordinated omission). {@code connections}
     * keep-alive connections share the schedule; they must be enough that one is free when a request falls due.
     */
    Result openLoop(double rate, int connections, double warmupSeconds, double seconds, IntFunction<String> path)
            throws Exception {
        long total = (long) ((warmupSeconds + seconds) * rate);
        double interval = 1e9 / rate;
        long start = System.nanoTime() + 50_000_000L;
        long warmupEnd = start + (long) (warmupSeconds * 1e9);
        return drive(connections, warmupEnd, seconds, path, i -> i >= total ? -1 : start + (long) (i * interval));
    }

    /**
     * Runs the connections over a schedule: {@code due.applyAsLong(i)} is when request {@code i} falls due (-1: no more
     * requests); a connection waits for that time, sends, and counts the latency from it. Requests due before
     * {@code warmupEnd} are not counted.
     */
    private Result drive(
            int connections, long warmupEnd, double seconds, IntFunction<String> path, LongUnaryOperator due)
            throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong errors = new AtomicLong();
        AtomicLong counter = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int c = 0; c < connections; c++) {
                workers.add(pool.submit(() -> {
                    List<Double> mine = new ArrayList<>();
                    try (Connection connection = new Connection(port)) {
                        while (true) {
                            long i = counter.getAndIncrement();
                            long dueAt = due.applyAsLong(i);
                            if (dueAt < 0) {
                                break;
                            }
                            for (long wait = dueAt - System.nanoTime(); wait > 0; wait = dueAt - System.nanoTime()) {
                                LockSupport.parkNanos(wait);
                            }
                            int status = connection.get(path.apply((int) i));
                            long finished = System.nanoTime();
                            if (dueAt >= warmupEnd) {
                                if (status != 200) {
                                    errors.incrementAndGet();
                                }
                                mine.add((finished - dueAt) / 1e6);
                            }
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
        return new Result(
                latencies.size() / seconds,
                Figure.percentile(latencies, 50),
                Figure.percentile(latencies, 99),
                errors.get());
    }

    /**
     * An open-loop stream of GETs at a fixed rate over a few connections, each request with headers of its own, until
     * closed: the load of a client that does not wait for the server, such as an attacker's.
     */
    static final class Flood implements AutoCloseable {
        private final ExecutorService pool;
        private final List<Future<?>> workers = new ArrayList<>();
        private final java.util.concurrent.ConcurrentHashMap<Integer, AtomicLong> statuses =
                new java.util.concurrent.ConcurrentHashMap<>();
        private final AtomicLong sent = new AtomicLong();
        private final long started = System.nanoTime();
        private volatile boolean stopped;

        Flood(int port, int connections, double perSecond, String path, IntFunction<String> headers) {
            pool = Executors.newFixedThreadPool(connections);
            long interval = (long) (1e9 * connections / perSecond);
            for (int c = 0; c < connections; c++) {
                long offset = (long) (1e9 / perSecond) * c;
                workers.add(pool.submit(() -> {
                    try (Connection connection = new Connection(port)) {
                        for (long next = System.nanoTime() + offset; !stopped; next += interval) {
                            long wait = next - System.nanoTime();
                            if (wait > 0) {
                                java.util.concurrent.locks.LockSupport.parkNanos(wait);
                            }
                            int status = connection.get(path, headers.apply((int) sent.getAndIncrement()));
                            statuses.computeIfAbsent(status, k -> new AtomicLong())
                                    .incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
        }

        /** Requests answered so far, by status. */
        java.util.Map<Integer, Long> statuses() {
            java.util.Map<Integer, Long> copy = new java.util.TreeMap<>();
            statuses.forEach((status, count) -> copy.put(status, count.get()));
            return copy;
        }

        double perSecond() {
            return statuses().values().stream().mapToLong(Long::longValue).sum()
                    / ((System.nanoTime() - started) / 1e9);
        }

        @Override
        public void close() throws Exception {
            stopped = true;
            for (Future<?> worker : workers) {
                worker.get();
            }
            pool.shutdown();
        }
    }

    /** One keep-alive connection: GET, then read the status, the headers and the body (sized or chunked). */
    private static final class Connection implements AutoCloseable {
        private final int port;
        private Socket socket;
        private OutputStream out;
        private InputStream in;

        Connection(int port) throws IOException {
            this.port = port;
            open();
        }

        private void open() throws IOException {
            socket = new Socket("localhost", port);
            socket.setTcpNoDelay(true);
            out = socket.getOutputStream();
            in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
        }

        /** A GET; when the server ends the connection (as Tomcat does every 100 requests), a new one is opened. */
        int get(String path) throws IOException {
            return get(path, "");
        }

        /** A GET with extra header lines, each ending in CRLF. */
        int get(String path, String headers) throws IOException {
            out.write(
                    ("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n" + headers + "\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = line();
            int status = Integer.parseInt(statusLine.substring(9, 12));
            long length = -1;
            boolean chunked = false;
            boolean closing = false;
            for (String header = line(); !header.isEmpty(); header = line()) {
                String lower = header.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-length:")) {
                    length = Long.parseLong(lower.substring(15).trim());
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                } else if (lower.startsWith("connection:") && lower.contains("close")) {
                    closing = true;
                }
            }
            if (chunked) {
                for (long size = Long.parseLong(line().trim(), 16);
                        size > 0;
                        size = Long.parseLong(line().trim(), 16)) {
                    skip(size);
                    line();
                }
                line();
            } else if (length > 0) {
                skip(length);
            }
            if (closing) {
                socket.close();
                open();
            }
            return status;
        }

        private void skip(long bytes) throws IOException {
            long left = bytes;
            while (left > 0) {
                long skipped = in.skip(left);
                if (skipped <= 0) {
                    if (in.read() < 0) {
                        throw new IOException("connection closed mid-body");
                    }
                    skipped = 1;
                }
                left -= skipped;
            }
        }

        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int c = in.read(); c != '\n'; c = in.read()) {
                if (c < 0) {
                    throw new IOException("connection closed");
                }
                if (c != '\r') {
                    line.append((char) c);
                }
            }
            return line.toString();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
