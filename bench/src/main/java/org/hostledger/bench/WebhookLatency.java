package org.hostledger.bench;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hostledger.api.HostLedgerApplication;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.api.application.WriteResult;
import org.hostledger.api.watch.SubscriptionFilter;
import org.hostledger.api.watch.WatchProcessor;
import org.hostledger.api.watch.WatchStore;
import org.hostledger.api.watch.WebhookSignature;
import org.hostledger.core.command.ChangeHostOwnership;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.model.SourceNote;
import org.hostledger.store.maintenance.BackgroundTasks;
import org.hostledger.store.processing.ProjectionProgress;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Webhook delivery latency: from the commit of an event (its command answered) to the loopback receiver's
 * {@code 2xx}, with {@value #SUBSCRIPTIONS} webhook subscriptions (one per host, each selecting its host's changes,
 * so every event is matched against all of them and notifies one), events written at {@value #RATE} a second by an
 * open-loop writer (each write on schedule on one of {@value #WRITERS} threads, waiting neither for deliveries nor
 * for the previous write), after {@value #WARM_UP_SECONDS} s of the same load that are not measured (a fresh JVM
 * compiles the delivery path during its first seconds; a server does not serve cold). Target: p99 ≤ 1 s. Quick mode
 * scales it down and judges nothing. Alone: {@code java
 * -Xmx512m -Dloader.main=org.hostledger.bench.WebhookLatency -cp bench/target/hostledger-bench.jar
 * org.springframework.boot.loader.launch.PropertiesLauncher [--quick] [--repetitions=N]}.
 */
final class WebhookLatency {

    static final int SUBSCRIPTIONS = 1_000;
    static final int RATE = 200;

    /** Seconds written, and delivered, before the measured repetitions. */
    static final int WARM_UP_SECONDS = 10;

    /** Threads the open-loop writer spreads its writes over (each host's writes stay apart in time). */
    private static final int WRITERS = 16;

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
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
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
            Writes writes = new Writes(commands, writers, hosts, subscriptionIds, answeredAt);
            // Warm-up, not measured: the first seconds of a fresh JVM compile the delivery path while it runs.
            int warmUp = quick ? 1 : WARM_UP_SECONDS;
            writes.run(warmUp);
            for (int rep = 0; rep < repetitions; rep++) {
                Run run = writes.run(seconds);
                rates.add(run.rate());
                p99s.add(Figure.percentile(run.latencies(), 99));
                p50s.add(Figure.percentile(run.latencies(), 50));
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
                            "target p99 ≤ 1 s; %d s per repetition after %d s of warm-up; p50 %.0f ms; writer held"
                                    + " %.0f events/s; receiver on loopback",
                            seconds,
                            warmUp,
                            Figure.median(p50s),
                            Figure.median(rates)));
        } finally {
            receiver.stop(0);
            threads.shutdownNow();
            // The writers send commands: never interrupted (an interrupt in H2's file I/O closes the database).
            BackgroundTasks.stop(writers, Duration.ofSeconds(30), "the benchmark's webhook writers");
        }
    }

    /** What one run of writes measured: the rate the writer held and each notification's latency in ms. */
    private record Run(double rate, List<Double> latencies) {}

    /** The open-loop writer: each write changes one watched host, whose subscription is notified once. */
    private static final class Writes {

        private final LedgerCommands commands;
        private final ExecutorService writers;
        private final List<String> hosts;
        private final List<String> subscriptionIds;
        private final Map<String, Long> answeredAt;
        private long change;

        Writes(
                LedgerCommands commands,
                ExecutorService writers,
                List<String> hosts,
                List<String> subscriptionIds,
                Map<String, Long> answeredAt) {
            this.commands = commands;
            this.writers = writers;
            this.hosts = hosts;
            this.subscriptionIds = subscriptionIds;
            this.answeredAt = answeredAt;
        }

        /** Writes at the section's rate for {@code seconds}, then waits (two minutes at most) for every delivery. */
        Run run(int seconds) throws Exception {
            int count = RATE * seconds;
            Map<String, Long> committedAt = new ConcurrentHashMap<>();
            List<Future<?>> writes = new ArrayList<>();
            long start = System.nanoTime();
            for (int n = 0; n < count; n++) {
                long due = start + n * 1_000_000_000L / RATE;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                int k = n % hosts.size();
                String parent = "Parent " + (++change);
                // Open loop: each write on schedule on a writer thread, not after the previous one's answer.
                writes.add(writers.submit(() -> {
                    WriteResult written = commands.sendAs(
                            new ChangeHostOwnership(
                                    hosts.get(k), parent, "FR", LocalDate.of(2021, 1, 1), "Benchmark", SOURCES, null),
                            "benchmark",
                            null);
                    committedAt.put(
                            WatchProcessor.notificationId(subscriptionIds.get(k), written.position()),
                            System.nanoTime());
                }));
            }
            for (Future<?> write : writes) {
                write.get();
            }
            double rate = count / ((System.nanoTime() - start) / 1e9);
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
            return new Run(rate, latencies);
        }
    }

    /** This section alone, in an application and store of its own: {@code [--quick] [--repetitions=N]}. */
    public static void main(String[] args) throws Exception {
        SectionArgs options = SectionArgs.orExit(() -> SectionArgs.parse(args));
        boolean quick = options.quick();
        int repetitions = options.repetitions();
        Path dataDir = Files.createTempDirectory("hostledger-bench-webhooks-");
        int status = 0;
        ConfigurableApplicationContext app = null;
        try {
            app = new SpringApplicationBuilder(HostLedgerApplication.class)
                    .run(
                            "--server.port=0",
                            "--hostledger.demo-data=false",
                            "--hostledger.alerts.enabled=false",
                            "--hostledger.security.admin-password=benchmark",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN",
                            "--hostledger.data-dir=" + dataDir.toAbsolutePath());
            Figure f = new WebhookLatency(app, quick, repetitions).measure();
            System.out.println(String.format(
                    Locale.ROOT,
                    "%s: %.0f %s (min %.0f, max %.0f; %d repetitions; target %s of %.0f %s; met: %s)%n- %s",
                    f.name(),
                    f.value(),
                    f.unit(),
                    f.min(),
                    f.max(),
                    f.repetitions(),
                    f.target(),
                    f.ceiling(),
                    f.unit(),
                    quick ? "(quick)" : f.met(),
                    f.note()));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            if (app != null) {
                app.close();
            }
            try (var paths = Files.walk(dataDir)) {
                for (Path path :
                        paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
        // Axon's janitor thread is not a daemon.
        System.exit(status);
    }
}
