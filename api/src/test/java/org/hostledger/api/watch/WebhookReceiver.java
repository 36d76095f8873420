package org.hostledger.api.watch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * A webhook receiver on loopback, as a subscriber would run one: it records every request (headers and body) and
 * answers with the status it is told to. It can be stopped (connections refused) and started again on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    record Received(String id, String timestamp, String signature, String body, int answered) {}

    private final List<Received> received = new ArrayList<>();
    private volatile IntSupplier status = () -> 204;
    private volatile String location;
    private volatile java.util.concurrent.CountDownLatch hold;
    private final java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newCachedThreadPool();
    private HttpServer server;
    private int port;

    WebhookReceiver() throws IOException {
        start(0);
    }

    private synchronized void start(int wanted) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", wanted), 0);
        server.createContext("/", exchange -> {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            java.util.concurrent.CountDownLatch held = hold;
            int answer = held != null ? 0 : status.getAsInt();
            synchronized (received) {
                received.add(new Received(
                        exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"),
                        new String(body, StandardCharsets.UTF_8),
                        answer));
            }
            if (held != null) {
                try {
                    held.await(); // an answer that never comes: the sender is killed meanwhile
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                exchange.close();
                return;
            }
            if (location != null) {
                exchange.getResponseHeaders().add("Location", location);
            }
            exchange.sendResponseHeaders(answer, -1);
            exchange.close();
        });
        server.setExecutor(threads);
        server.start();
        port = server.getAddress().getPort();
    }

    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    void answer(int code) {
        status = () -> code;
    }

    /** Requests from now on are recorded and never answered until {@link #release()}. */
    void holdAnswers() {
        hold = new java.util.concurrent.CountDownLatch(1);
    }

    void release() {
        java.util.concurrent.CountDownLatch held = hold;
        hold = null;
        if (held != null) {
            held.countDown();
        }
    }

    void redirectTo(String url) {
        location = url;
        answer(307);
    }

    /** Connections refused from now on. */
    synchronized void stop() {
        server.stop(0);
    }

    /** Listening again on the same port. */
    synchronized void restart() throws IOException {
        start(port);
    }

    /** Every request received so far, in order. */
    List<Received> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    /** The requests answered 2xx, notifications only (not the subscription's creation ping). */
    List<Received> delivered() {
        return received().stream()
                .filter(r -> r.answered() / 100 == 2 && !r.id().endsWith("_created"))
                .toList();
    }

    @Override
    public void close() {
        release();
        stop();
        threads.shutdownNow();
    }
}
