package org.hostledger.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.api.application.WriteResult;
import org.hostledger.api.watch.SubscriptionFilter;
import org.hostledger.api.watch.WatchProcessor;
import org.hostledger.api.watch.WatchStore;
import org.hostledger.api.watch.WebhookSignature;
import org.hostledger.core.command.ChangeHostOwnership;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.model.SourceNote;
import org.hostledger.store.processing.ProjectionProgress;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhook delivery latency: from the commit of an event (its command answered) to the loopback receiver's
 * {@code 2xx}, with {@value #SUBSCRIPTIONS} webhook subscriptions (one per host, each selecting its host's changes,
 * so every event is matched against all of them and notifies one), events written at {@value #RATE} a second by an
 * open-loop writer (on schedule, not waiting for deliveries). Target: p99 ≤ 1 s. Quick mode scales it down and
 * judges nothing.
 */
final class WebhookLatency {

    static final int SUBSCRIPTIONS = 1_000;
    static final int RATE = 200;

    private static final List<SourceNote> SOURCES =
            List.of(new SourceNote("Benchmark source", "https://example.org/benchmark", LocalDate.of(2020, 1, 1)));

    private final ConfigurableApplicationContext app;
    private final boolean quick;
    private final int repetitions;

    WebhookLatency(ConfigurableApplicationContext app, boolean quick, int repetitions) {
        this.app = app;
        this.quick = quick;
        this.repetitions = repetitions;
    }

    Figure measure() throws Exception {
        LedgerCommands commands = app.getBean(LedgerCommands.class);
        WatchStore store = app.getBean(WatchStore.class);
        ProjectionProgress progress = app.getBean(ProjectionProgress.class);
        int subscriptions = quick ? SUBSCRIPTIONS / 10 : SUBSCRIPTIONS;
        int seconds = quick ? 3 : 20;
        Map<String, Long> answeredAt = new ConcurrentHashMap<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService threads = Executors.newFixedThreadPool(16);
        receiver.setExecutor(threads);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            exchange.sendResponseHeaders(204, -1);
            answeredAt.putIfAbsent(id, System.nanoTime());
            exchange.close();
        });
        receiver.start();
        try {
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            List<String> hosts = new ArrayList<>();
            for (int i = 0; i < subscriptions; i++) {
                String host = String.format(Locale.ROOT, "bench-watched-%04d", i);
                commands.sendAs(
                        new RegisterHost(host, "Watched " + i, "FR", null, null, LocalDate.of(2020, 1, 1), SOURCES),
                        "benchmark",
                        null);
                hosts.add(host);
            }
            long from = progress.head();
            List<String> subscriptionIds = new ArrayList<>();
            for (String host : hosts) {
                String id = "sub-bench-" + host;
                store.insert(new WatchStore.Subscription(
                        id,
                        "benchmark",
                        new SubscriptionFilter(null, host, null, null),
                        hook,
                        WebhookSignature.newSecret(),
                        false,
                        from,
                        Instant.now()));
                subscriptionIds.add(id);
            }
            List<Double> p99s = new ArrayList<>();
            List<Double> p50s = new ArrayList<>();
            List<Double> rates = new ArrayList<>();
            long change = 0;
            for (int rep = 0; rep < repetitions; rep++) {
                int count = RATE * seconds;
                Map<String, Long> committedAt = new ConcurrentHashMap<>();
                long start = System.nanoTime();
                for (int n = 0; n < count; n++) {
                    long due = start + n * 1_000_000_000L / RATE;
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    int k = n % hosts.size();
                    change++;
                    WriteResult written = commands.sendAs(
                            new ChangeHostOwnership(
                                    hosts.get(k),
                                    "Parent " + change,
                                    "FR",
                                    LocalDate.of(2021, 1, 1),
                                    "Benchmark",
                                    SOURCES,
                                    null),
                            "benchmark",
                            null);
                    committedAt.put(
                            WatchProcessor.notificationId(subscriptionIds.get(k), written.position()),
                            System.nanoTime());
                }
                rates.add(count / ((System.nanoTime() - start) / 1e9));
                long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
                while (!answeredAt.keySet().containsAll(committedAt.keySet()) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                List<Double> latencies = new ArrayList<>();
                for (Map.Entry<String, Long> e : committedAt.entrySet()) {
                    Long answered = answeredAt.get(e.getKey());
                    // Not delivered within two minutes: counted as two minutes, so a loss cannot flatter p99.
                    long nanos = answered == null ? Duration.ofMinutes(2).toNanos() : answered - e.getValue();
                    latencies.add(Math.max(0, nanos) / 1e6);
                }
                p99s.add(Figure.percentile(latencies, 99));
                p50s.add(Figure.percentile(latencies, 50));
            }
            for (String id : subscriptionIds) {
                store.delete(id);
            }
            return Figure.atMost(
                    String.format(
                            Locale.ROOT,
                            "webhook delivery latency p99, commit to receiver's 2xx (%,d subscriptions, %d events/s)",
                            subscriptions,
                            RATE),
                    p99s,
                    "ms",
                    1_000,
                    1.0,
                    String.format(
                            Locale.ROOT,
                            "target p99 ≤ 1 s; %d s per repetition; p50 %.0f ms; writer held %.0f events/s;"
                                    + " receiver on loopback",
                            seconds,
                            Figure.median(p50s),
                            Figure.median(rates)));
        } finally {
            receiver.stop(0);
            threads.shutdownNow();
        }
    }
}
