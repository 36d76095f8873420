package org.hostledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.hostledger.api.HostLedgerApplication;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.api.application.Queries;
import org.hostledger.bench.stock.StockRun;
import org.hostledger.core.command.ChallengeHostingDecision;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordHostingDecision;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.CertificationPage;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.DecisionPage;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.FindHost;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.ListAuditEvents;
import org.hostledger.core.query.ListCertifications;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.TimePoint;
import org.hostledger.store.audit.AuditTrail;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.hostledger.store.maintenance.EmbeddedStoreMaintenance;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.hostledger.store.processing.ProjectionProgress;
import org.hostledger.store.processing.ProjectionReplays;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * One command measures every performance target of DESIGN.md: {@code java -Xmx512m -jar bench/target/hostledger-bench.jar}
 * (a million events, about half an hour on two cores) or with {@code --quick} (about 20,000 events, a few minutes,
 * judging nothing). Prints a Markdown table and writes {@code bench/target/results.json}.
 */
public final class Benchmark {

    /** Rows per commit of the group-commit ceiling. */
    private static final int GROUP_COMMIT = 100;

    private static final List<SourceNote> SOURCES =
            List.of(new SourceNote("Benchmark source", "https://example.org/benchmark", LocalDate.of(2020, 1, 1)));

    private final Options options;
    private final List<Figure> figures = new ArrayList<>();
    private final Random random = new Random(42);
    private ConfigurableApplicationContext app;
    private Path dataDir;
    private String pgSchema;
    private LedgerCommands commands;
    private Queries queries;
    private ProjectionProgress progress;
    private ProjectionReplays replays;
    private JdbcCeilings ceilings;
    private final AtomicLong ids = new AtomicLong();
    /** HostLedger's own rates, kept for the comparison with stock Axon. */
    private final Map<String, List<Double>> ours = new LinkedHashMap<>();

    private long events;

    record Options(
            long events,
            boolean quick,
            int repetitions,
            Path output,
            List<String> settings,
            boolean postgres,
            PostgresServer server,
            Set<String> skipped) {

        /** The sections a run may leave out with {@code --skip=}: the ones that start applications of their own. */
        static final Set<String> SKIPPABLE = Set.of("webhooks", "registers", "stock");

        static Options parse(String[] args) {
            long events = 1_000_000;
            boolean quick = false;
            int repetitions = 3;
            List<String> settings = new ArrayList<>();
            boolean postgres = false;
            PostgresServer server = PostgresServer.fromEnvironment();
            Set<String> skipped = new TreeSet<>();
            Path output = Files.isDirectory(Path.of("bench"))
                    ? Path.of("bench/target/results.json")
                    : Path.of("target/results.json");
            for (String arg : args) {
                if (arg.equals("--quick")) {
                    quick = true;
                    events = 20_000;
                } else if (arg.startsWith("--events=")) {
                    events = SectionArgs.number(arg, 1, Long.MAX_VALUE);
                } else if (arg.startsWith("--repetitions=")) {
                    repetitions = SectionArgs.repetitions(arg);
                } else if (arg.startsWith("--set=")) {
                    settings.add("--" + arg.substring("--set=".length()));
                } else if (arg.startsWith("--out=")) {
                    output = Path.of(arg.substring("--out=".length()));
                } else if (arg.startsWith("--store=")) {
                    postgres = PostgresServer.storeIsPostgres(arg);
                } else if (PostgresServer.isOption(arg)) {
                    server = server.with(arg);
                } else if (arg.startsWith("--skip=")) {
                    for (String section : arg.substring("--skip=".length()).split(",")) {
                        if (!SKIPPABLE.contains(section)) {
                            throw new IllegalArgumentException(
                                    "--skip takes sections among " + new TreeSet<>(SKIPPABLE) + ", not " + section);
                        }
                        skipped.add(section);
                    }
                } else {
                    throw new IllegalArgumentException("unknown argument " + arg
                            + "; use --quick, --events=N, --repetitions=N, --out=FILE, --set=property=value, "
                            + PostgresServer.OPTIONS + ", --skip=webhooks,registers,stock");
                }
            }
            if (repetitions < 3 && !quick) {
                throw new IllegalArgumentException(
                        "each figure is the median of at least 3 repetitions: --repetitions=3 or more (--quick for a"
                                + " smoke run that judges nothing)");
            }
            return new Options(events, quick, repetitions, output, settings, postgres, server, skipped);
        }

        int scaled(int full, int quickValue) {
            return quick ? quickValue : full;
        }
    }

    private Benchmark(Options options) {
        this.options = options;
    }

    /** Whether this run measures the section {@code name} (not left out with {@code --skip=}). */
    private boolean runs(String name) {
        if (options.skipped().contains(name)) {
            say("section %s: skipped (--skip)", name);
            return false;
        }
        return true;
    }

    public static void main(String[] args) {
        int status = 0;
        try (HeapSampler heap = new HeapSampler()) {
            Benchmark benchmark = new Benchmark(SectionArgs.orExit(() -> {
                Options options = Options.parse(args);
                preflight(options, Path.of("").toAbsolutePath());
                return options;
            }));
            try {
                benchmark.run(heap);
            } finally {
                if (benchmark.app != null) {
                    benchmark.app.close();
                }
                benchmark.removeData();
            }
        } catch (PostgresServer.Unreachable e) {
            System.err.println("benchmark: " + e.getMessage());
            status = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        // Axon's janitor thread is not a daemon: a finished (or failed) run must not hang.
        System.exit(status);
    }

    /**
     * Finds, before the first section runs, the files a later section reads: a run started from the wrong directory
     * fails in its first second with a usage error, not after a quarter of an hour of other sections (as a run at
     * 1,000,000 events started outside the repository did, in its register section).
     */
    static void preflight(Options options, Path from) {
        if (!options.skipped().contains("registers")) {
            try {
                RegisterImportBench.fedrampSeries(from);
            } catch (IllegalStateException e) {
                throw new IllegalArgumentException(
                        e.getMessage() + ", or leave the section out with --skip=registers", e);
            }
        }
    }

    /** The store of a run is gigabytes at a million events; it goes with the run. */
    private void removeData() throws Exception {
        if (pgSchema != null) {
            options.server().dropSchemas(pgSchema + "_stock", pgSchema + "_registers", pgSchema);
        }
        if (dataDir == null) {
            return;
        }
        try (var paths = Files.walk(dataDir)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private void run(HeapSampler heap) throws Exception {
        dataDir = Files.createTempDirectory("hostledger-bench-");
        say(
                "HostLedger benchmark — %s, %d events, %d repetitions per figure; data in %s",
                options.quick() ? "quick mode (judges nothing)" : "full",
                options.events(),
                options.repetitions(),
                dataDir);
        say(
                "machine: %d cores, %s %s, max heap %d MB",
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                HeapSampler.maxHeapBytes() >> 20);
        List<String> appArgs = new ArrayList<>(List.of(
                "--server.port=0",
                "--hostledger.demo-data=false",
                "--hostledger.alerts.enabled=false",
                "--hostledger.security.admin-password=benchmark",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        // --set=property=value tries a setting without a rebuild; the table then describes that configuration.
        appArgs.addAll(options.settings());
        if (!options.settings().isEmpty()) {
            say("settings: %s", options.settings());
        }
        List<String> ledgerArgs = new ArrayList<>(appArgs);
        ledgerArgs.add("--hostledger.data-dir=" + dataDir.resolve("ledger").toAbsolutePath());
        if (options.postgres()) {
            // HostLedger and stock Axon each get a schema of their own: the database settings are not shared.
            ledgerArgs.addAll(postgresArguments());
        }
        app = new SpringApplicationBuilder(HostLedgerApplication.class).run(ledgerArgs.toArray(String[]::new));
        commands = app.getBean(LedgerCommands.class);
        queries = app.getBean(Queries.class);
        progress = app.getBean(ProjectionProgress.class);
        replays = app.getBean(ProjectionReplays.class);
        ceilings = new JdbcCeilings(app.getBean(DataSource.class), options.postgres());
        say("store: %s", storeDescription());

        try {
            sections(heap, appArgs);
        } catch (Exception | Error e) {
            // A run at a million events takes an hour or more: a section that fails (stock Axon out of heap on
            // PostgreSQL, say) must not take the figures of the others with it.
            report(options, figures, events, e);
            throw e;
        }
        figures.add(heapFigure("whole run", heap, "the run completed"));
        report(options, figures, events, null);
    }

    private void sections(HeapSampler heap, List<String> appArgs) throws Exception {
        commandAppend();
        heap.checkpoint();
        longAggregate();
        HistoryGenerator.History history = history(dataDir);
        heap.checkpoint();
        rebuild();
        heap.checkpoint();
        reads(history);
        rest(history);
        heap.checkpoint();
        wrongCredentialFlood();
        if (runs("webhooks")) {
            figures.add(new WebhookLatency(app, options.quick(), options.repetitions()).measure());
        }
        heap.checkpoint();
        events = progress.head();
        // The application goes before stock Axon starts: one application in the heap at a time.
        app.close();
        app = null;
        if (runs("registers")) {
            figures.addAll(RegisterImportBench.run(
                    options.quick(),
                    options.repetitions(),
                    appArgs,
                    dataDir,
                    options.postgres() ? postgresArguments("registers") : List.of()));
        }
        if (runs("stock")) {
            stockAxon(appArgs);
        }
    }

    /**
     * The live set: the highest heap in use after a full collection at the end of a section. Target: at most half the
     * maximum heap, the other half left for the work itself. The note gives the run's own peaks for comparison.
     */
    static Figure heapFigure(String of, HeapSampler heap, String whatCompleted) {
        long max = HeapSampler.maxHeapBytes() >> 20;
        return Figure.atMost(
                "live heap after a full collection, highest between sections (" + of + ")",
                List.of(heap.liveAtCheckpointsBytes() / 1048576.0),
                "MB",
                max,
                0.5,
                String.format(
                        Locale.ROOT,
                        "%s within -Xmx%dm; heap in use right after collections peaked at %.0f MB (an upper bound of"
                                + " the live set: old-generation garbage included), and before collections at %.0f MB",
                        whatCompleted,
                        max,
                        heap.peakAfterCollectionsBytes() / 1048576.0,
                        heap.peakBytes() / 1048576.0));
    }

    /**
     * A run on PostgreSQL gets a schema of its own on the given server (dropped at the end), so that it starts from
     * an empty store without touching anything else there; the ceilings run in the same schema.
     */
    private List<String> postgresArguments() throws Exception {
        String schema = "hostledger_bench_" + System.currentTimeMillis();
        List<String> args = options.server().createSchema(schema);
        // Only a schema that exists is dropped at the end: a server that could not be reached is not asked again.
        pgSchema = schema;
        return args;
    }

    private List<String> postgresArguments(String suffix) throws Exception {
        return options.server().createSchema(pgSchema + "_" + suffix);
    }

    /** Plain JDBC on the application's own database (its schema on PostgreSQL). */
    private JdbcTemplate jdbc() {
        return new JdbcTemplate(app.getBean(DataSource.class));
    }

    private String storeDescription() {
        JdbcTemplate jdbc = jdbc();
        if (options.postgres()) {
            return "PostgreSQL " + jdbc.queryForObject("SHOW server_version", String.class) + ", schema " + pgSchema;
        }
        return "H2 " + jdbc.queryForObject("SELECT H2VERSION()", String.class) + " (embedded, file mode)";
    }

    // --- 1. command append --------------------------------------------------------------------------------------

    private void commandAppend() throws Exception {
        ceilings.createInsertTable();
        Serializer serializer = app.getBean("eventSerializer", Serializer.class);
        GenericDomainEventMessage<HostRegistered> sample = new GenericDomainEventMessage<>(
                "Host",
                "sample",
                0,
                new HostRegistered(
                        "bench-sample-host-000000",
                        "Hosting company bench",
                        "FR",
                        null,
                        null,
                        LocalDate.of(2020, 1, 1),
                        SOURCES),
                MetaData.with("actor", "benchmark").and("correlationId", "0b7a1f3e-5d1c-4c47-9b57-8f0a3b1c2d4e"));
        SerializedObject<byte[]> payload = sample.serializePayload(serializer, byte[].class);
        SerializedObject<byte[]> metaData = sample.serializeMetaData(serializer, byte[].class);
        int count1 = options.scaled(3_000, 300);
        int count8 = options.scaled(8_000, 800);
        List<Double> one = new ArrayList<>();
        List<Double> oneCeiling = new ArrayList<>();
        List<Double> eight = new ArrayList<>();
        List<Double> eightCeiling = new ArrayList<>();
        List<Double> eightGrouped = new ArrayList<>();
        List<Double> eightTreeOn = new ArrayList<>();
        List<Double> eightTreeOff = new ArrayList<>();
        LedgerEventStorageEngine engine = (LedgerEventStorageEngine) app.getBean(EventStorageEngine.class);
        warmUp(payload, metaData);
        for (int rep = 0; rep < options.repetitions(); rep++) {
            one.add(rate(1, count1, n -> registerHost()));
            oneCeiling.add(ceilings.inserts(
                    count1,
                    1,
                    payload.getData(),
                    metaData.getData(),
                    payload.getType().getName()));
            eight.add(rate(8, count8, n -> registerHost()));
            eightCeiling.add(ceilings.inserts(
                    count8,
                    8,
                    payload.getData(),
                    metaData.getData(),
                    payload.getType().getName()));
            // The tree's cost: the same load with its upkeep on and off. Each starts with the projections caught up
            // and the tree complete, and they take turns going first, so that neither pays for a backlog the other
            // left nor runs first every time.
            for (boolean treeOn : rep % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                awaitCaughtUp(Duration.ofMinutes(2));
                engine.setMerkleTreeOn(treeOn);
                try {
                    (treeOn ? eightTreeOn : eightTreeOff).add(rate(8, count8, n -> registerHost()));
                } finally {
                    engine.setMerkleTreeOn(true);
                }
                if (!treeOn) {
                    // The next append catches the tree up with the leaves the load left out: an untimed one.
                    commands.sendAs(registerHost(), "benchmark", null);
                }
            }
            eightGrouped.add(ceilings.inserts(
                    count8 * 4,
                    8,
                    GROUP_COMMIT,
                    payload.getData(),
                    metaData.getData(),
                    payload.getType().getName()));
            say(
                    "append rep %d: 1 client %.0f/s (JDBC %.0f/s), 8 clients %.0f/s (JDBC %.0f/s, grouped %.0f/s);"
                            + " 8 clients from caught-up projections, Merkle tree on %.0f/s, off %.0f/s",
                    rep + 1,
                    one.get(rep),
                    oneCeiling.get(rep),
                    eight.get(rep),
                    eightCeiling.get(rep),
                    eightGrouped.get(rep),
                    eightTreeOn.get(rep),
                    eightTreeOff.get(rep));
        }
        // The same 8-client load with the projections paused shows what the write path costs by itself.
        progress.streamingProcessors().values().forEach(StreamingEventProcessor::shutDown);
        List<Double> alone = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            alone.add(rate(8, count8, n -> registerHost()));
        }
        progress.streamingProcessors().values().forEach(StreamingEventProcessor::start);
        ours.put("append1", one);
        ours.put("append8", eight);
        figures.add(Figure.atLeast(
                "command append, new aggregates, 1 client",
                one,
                "cmd/s",
                oneCeiling,
                0.5,
                "ceiling: JDBC inserts of the same bytes, one row per transaction, 1 thread"));
        figures.add(Figure.atLeast(
                "command append, new aggregates, 8 clients",
                eight,
                "cmd/s",
                eightGrouped,
                0.5,
                "ceiling: the store's best — JDBC batched inserts of the same bytes from 8 threads, "
                        + GROUP_COMMIT
                        + " rows per commit (group commit)"));
        figures.add(Figure.atLeast(
                "command append, 8 clients, Merkle tree on ÷ off",
                eightTreeOn,
                "cmd/s",
                eightTreeOff,
                0.9,
                "ceiling: the same load in the same repetition with the tree's upkeep switched off; each of the two"
                        + " starts with the projections caught up, and they take turns going first"));
        figures.add(Figure.info(
                "JDBC inserts, one row per transaction, 8 threads",
                eightCeiling,
                "rows/s",
                String.format(
                        Locale.ROOT,
                        "the former 8-client ceiling; the application reaches %.2f of it: one commit per row is what "
                                + "both pay, not the limit of the store",
                        Figure.median(eight) / Figure.median(eightCeiling))));
        figures.add(Figure.info(
                "command append, 8 clients, projections paused",
                alone,
                "cmd/s",
                String.format(
                        Locale.ROOT,
                        "%.2f of the 8-thread ceiling: the write path without the projections "
                                + "writing to the same store at the same time",
                        Figure.median(alone) / Figure.median(eightCeiling))));
    }

    /**
     * Both sides of the append comparison run until the JIT has compiled their paths (about 30 s in full mode), so
     * that the first repetition does not measure the interpreter: both rates still rose by half between the second
     * and third repetition after a warm-up of 2,000 commands.
     */
    private void warmUp(SerializedObject<byte[]> payload, SerializedObject<byte[]> metaData) throws Exception {
        long until = System.nanoTime() + (options.quick() ? 3_000_000_000L : 30_000_000_000L);
        while (System.nanoTime() < until) {
            rate(4, options.scaled(2_000, 200), n -> registerHost());
            ceilings.inserts(
                    options.scaled(2_000, 200),
                    4,
                    payload.getData(),
                    metaData.getData(),
                    payload.getType().getName());
        }
    }

    private LedgerCommand registerHost() {
        String id = "bench-host-" + ids.incrementAndGet();
        return new RegisterHost(id, "Hosting company " + id, "FR", null, null, LocalDate.of(2020, 1, 1), SOURCES);
    }

    private double rate(int threads, int count, LongFunction<LedgerCommand> command) throws Exception {
        return Rates.of(threads, count, n -> commands.sendAs(command.apply(n), "benchmark", null));
    }

    // --- 2. a long-lived aggregate ------------------------------------------------------------------------------

    private void longAggregate() throws Exception {
        int past = 10_000;
        commands.sendAs(registerHostWithId("bench-long-host"), "benchmark", null);
        commands.sendAs(longDecision(), "benchmark", null);
        long start = System.nanoTime();
        rate(1, past, n -> challenge());
        say("recorded %d past events on one aggregate in %.1f s", past, JdbcCeilings.seconds(start));
        int count = options.scaled(2_000, 300);
        List<Double> longRates = new ArrayList<>();
        List<Double> freshRates = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            longRates.add(rate(1, count, n -> challenge()));
            freshRates.add(rate(1, count, n -> registerHost()));
            say(
                    "long aggregate rep %d: %.0f/s beside new aggregates %.0f/s",
                    rep + 1, longRates.get(rep), freshRates.get(rep));
        }
        ours.put("long", longRates);
        figures.add(Figure.atLeast(
                "command on an aggregate with " + past + "+ past events, 1 client",
                longRates,
                "cmd/s",
                freshRates,
                0.5,
                "ceiling: the new-aggregate rate, 1 client, same repetition"));
    }

    private LedgerCommand registerHostWithId(String id) {
        return new RegisterHost(id, "Hosting company " + id, "FR", null, null, LocalDate.of(2018, 1, 1), SOURCES);
    }

    private LedgerCommand challenge() {
        return new ChallengeHostingDecision(
                "bench-long-decision",
                "Member of parliament",
                LocalDate.of(2020, 5, 27),
                "Exposure to non-EU law",
                "Assemblée nationale",
                null,
                SOURCES,
                null);
    }

    // --- 3. the history, the store size, and rebuilds -----------------------------------------------------------

    private HistoryGenerator.History history(Path dataDir) throws Exception {
        awaitCaughtUp(Duration.ofMinutes(10));
        progress.streamingProcessors().values().forEach(StreamingEventProcessor::shutDown);
        long missing = options.events() - progress.head();
        long start = System.nanoTime();
        HistoryGenerator.History history =
                new HistoryGenerator(app.getBean(EventStore.class), 7).generate(Math.max(missing, 1000), "g");
        say(
                "generated %d events (%d hosts, %d certificates, %d decisions) in %.1f s; the store holds %d",
                history.events(),
                history.hosts().size(),
                history.certifications().size(),
                history.decisions().size(),
                JdbcCeilings.seconds(start),
                progress.head());
        storeSize(dataDir);
        return history;
    }

    private void storeSize(Path dataDir) throws Exception {
        JdbcTemplate jdbc = jdbc();
        if (options.postgres()) {
            postgresStoreSize(jdbc);
            return;
        }
        app.getBean(EmbeddedStoreMaintenance.class).compact();
        jdbc.execute("CHECKPOINT SYNC");
        long file = Files.size(dataDir.resolve("ledger").resolve("hostledger.mv.db"));
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
        long serialized = jdbc.queryForObject(
                "SELECT SUM(OCTET_LENGTH(payload) + OCTET_LENGTH(meta_data)) FROM domain_event_entry", Long.class);
        long onDisk = jdbc.queryForObject("SELECT DISK_SPACE_USED('DOMAIN_EVENT_ENTRY')", Long.class);
        double serializedPerEvent = (double) serialized / events;
        figures.add(Figure.atMost(
                "event store on disk per event",
                List.of((double) onDisk / events),
                "bytes",
                serializedPerEvent,
                2.0,
                String.format(
                        Locale.ROOT,
                        "ceiling: serialized payload + metadata, %.0f bytes per event; table and its indexes (H2 DISK_SPACE_USED)",
                        serializedPerEvent)));
        figures.add(Figure.info(
                "whole H2 file per event, running",
                List.of((double) file / events),
                "bytes",
                "event store, snapshots, tokens and every read model, in one file, while the application runs"));
    }

    private void postgresStoreSize(JdbcTemplate jdbc) {
        // On PostgreSQL the events are compact rows (domain_event_row, migration V84) with the payload types' codes
        // in a table of their own; domain_event_entry is a view over them.
        jdbc.execute("ANALYZE domain_event_row");
        long events = jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_row", Long.class);
        long serialized = jdbc.queryForObject(
                "SELECT SUM(OCTET_LENGTH(payload) + OCTET_LENGTH(meta_data)) FROM domain_event_row", Long.class);
        long onDisk = jdbc.queryForObject(
                "SELECT pg_total_relation_size('domain_event_row') + pg_total_relation_size('event_payload_type')",
                Long.class);
        long schema = jdbc.queryForObject(
                "SELECT SUM(pg_total_relation_size(c.oid)) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
                        + " WHERE n.nspname = ? AND c.relkind = 'r'",
                Long.class,
                pgSchema);
        double serializedPerEvent = (double) serialized / events;
        figures.add(Figure.atMost(
                "event store on disk per event",
                List.of((double) onDisk / events),
                "bytes",
                serializedPerEvent,
                2.0,
                String.format(
                        Locale.ROOT,
                        "ceiling: serialized payload + metadata, %.0f bytes per event; table, TOAST and indexes"
                                + " (pg_total_relation_size of domain_event_row and event_payload_type)",
                        serializedPerEvent)));
        figures.add(Figure.info(
                "event store on disk per event: the table alone",
                List.of((double) jdbc.queryForObject("SELECT pg_table_size('domain_event_row')", Long.class) / events),
                "bytes",
                "heap and TOAST; its indexes, bytes per event: " + postgresIndexSizes(jdbc, events)));
        figures.add(Figure.info(
                "whole schema per event, running",
                List.of((double) schema / events),
                "bytes",
                "event store, snapshots, tokens and every read model, with their indexes, while the application runs"));
    }

    /** Each index of the event table with its bytes per event, largest first: where the disk figure goes. */
    private static String postgresIndexSizes(JdbcTemplate jdbc, long events) {
        return String.join(
                ", ",
                jdbc.query(
                        "SELECT c.relname, pg_relation_size(c.oid) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                                + " WHERE i.indrelid = 'domain_event_row'::regclass ORDER BY 2 DESC, 1",
                        (row, n) -> String.format(
                                Locale.ROOT, "%s %.0f", row.getString(1), (double) row.getLong(2) / events)));
    }

    private void rebuild() throws Exception {
        long head = progress.head();
        List<Double> replay = new ArrayList<>();
        List<Double> ceiling = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            ceiling.add(ceilings.rebuild());
            long start = System.nanoTime();
            replays.replay(progress.names());
            awaitCaughtUp(Duration.ofHours(2));
            replay.add(head / JdbcCeilings.seconds(start));
            say(
                    "rebuild rep %d: all projections %.0f events/s (JDBC scan + decode + batched insert %.0f events/s)",
                    rep + 1, replay.get(rep), ceiling.get(rep));
        }
        ours.put("rebuild", replay);
        figures.add(Figure.atLeast(
                "rebuild all projections from " + head + " events",
                replay,
                "events/s",
                ceiling,
                0.5,
                "through the real replay path (reset handlers, pooled processors); ceiling: JDBC scan + Jackson decode + "
                        + "one batched insert per event into the same tables"));
    }

    private void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            long head = progress.head();
            if (progress.statuses().stream().allMatch(s -> s.position() >= head && !s.replaying() && s.running())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the projections did not catch up in " + timeout);
    }

    // --- 4. asOf / knownAt reads --------------------------------------------------------------------------------

    private void reads(HistoryGenerator.History history) {
        int count = options.scaled(2_000, 300);
        List<Double> asOf = new ArrayList<>();
        List<Double> knownAt = new ArrayList<>();
        latencies(history, 500, false);
        for (int rep = 0; rep < options.repetitions(); rep++) {
            asOf.add(Figure.percentile(latencies(history, count, false), 99));
            knownAt.add(Figure.percentile(latencies(history, count, true), 99));
            say("reads rep %d: asOf p99 %.1f ms, knownAt p99 %.1f ms", rep + 1, asOf.get(rep), knownAt.get(rep));
        }
        MerkleTreeReader tree = app.getBean(MerkleTreeReader.class);
        List<Double> proofs = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            long size = tree.size();
            List<Double> millis = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                long index = (long) (random.nextDouble() * size);
                long start = System.nanoTime();
                tree.inclusion(index, size);
                millis.add((System.nanoTime() - start) / 1e6);
            }
            proofs.add(Figure.percentile(millis, 99));
        }
        figures.add(Figure.atMost(
                "inclusion proof p99 at " + tree.size() + " events",
                proofs,
                "ms",
                5,
                1.0,
                "a random leaf against the current tree size, from the stored subtrees (MerkleTreeReader)"));
        // Fewer: on H2, which has no index of event types, a page of a rare type may scan the rest of the store.
        figures.add(auditPages(Math.min(count, 200)));
        List<Double> lastAsOf = latencies(history, count, false);
        List<Double> lastKnownAt = latencies(history, count, true);
        figures.add(Figure.atMost(
                "asOf read p99 at " + progress.head() + " events",
                asOf,
                "ms",
                50,
                1.0,
                String.format(
                        Locale.ROOT,
                        "p50 %.2f ms; a mix of one-record and per-host list reads through the query handlers",
                        Figure.percentile(lastAsOf, 50))));
        figures.add(Figure.atMost(
                "knownAt read p99 at " + progress.head() + " events",
                knownAt,
                "ms",
                50,
                1.0,
                String.format(
                        Locale.ROOT,
                        "p50 %.2f ms; the same mix, as known at instants during the history's recording",
                        Figure.percentile(lastKnownAt, 50))));
    }

    /**
     * Audit pages filtered by event type, each of a type drawn at random among those in the store and after a random
     * position: the reads the event store's secondary indexes serve.
     */
    private Figure auditPages(int count) {
        var trail = app.getBean(AuditTrail.class);
        JdbcTemplate jdbc = jdbc();
        List<String> types =
                jdbc.queryForList("SELECT DISTINCT payload_type FROM domain_event_entry", String.class).stream()
                        .map(name -> name.substring(name.lastIndexOf('.') + 1))
                        .sorted()
                        .toList();
        long head = progress.head();
        List<Double> p99 = new ArrayList<>();
        List<Double> last = List.of();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            List<Double> millis = new ArrayList<>(count);
            for (int n = 0; n < count; n++) {
                String type = types.get(random.nextInt(types.size()));
                long after = (long) (random.nextDouble() * head);
                long start = System.nanoTime();
                trail.handle(new ListAuditEvents(null, null, type, null, null, null, after, 50));
                millis.add((System.nanoTime() - start) / 1e6);
            }
            p99.add(Figure.percentile(millis, 99));
            last = millis;
        }
        return Figure.info(
                "audit page filtered by event type p99 at " + head + " events",
                p99,
                "ms",
                String.format(
                        Locale.ROOT,
                        "p50 %.2f ms; 50 events of one of the %d types in the store, after a random position",
                        Figure.percentile(last, 50),
                        types.size()));
    }

    private List<Double> latencies(HistoryGenerator.History history, int count, boolean past) {
        List<Double> millis = new ArrayList<>(count);
        long span = Math.max(
                1,
                Duration.between(history.firstRecorded(), history.lastRecorded())
                        .toMillis());
        for (int n = 0; n < count; n++) {
            LocalDate date = LocalDate.of(2018, 1, 1).plusDays(random.nextInt(3000));
            Instant known = past ? history.firstRecorded().plusMillis((long) (random.nextDouble() * span)) : null;
            TimePoint at = new TimePoint(date, known);
            String host = pick(history.hosts());
            long start = System.nanoTime();
            switch (n % 5) {
                case 0 -> queries.ask(new FindDecision(pick(history.decisions()), at), DecisionView.class);
                case 1 ->
                    queries.ask(
                            new ListDecisions(host, null, null, null, null, at, new PageRequest(0, 20)),
                            DecisionPage.class);
                case 2 ->
                    queries.ask(new FindCertification(pick(history.certifications()), at), CertificationView.class);
                case 3 ->
                    queries.ask(
                            new ListCertifications(host, null, null, at, new PageRequest(0, 20)),
                            CertificationPage.class);
                default -> queries.ask(new FindHost(host, at), HostView.class);
            }
            millis.add((System.nanoTime() - start) / 1e6);
        }
        return millis;
    }

    private String pick(List<String> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    // --- 5. REST reads under 64 clients -------------------------------------------------------------------------

    private void rest(HistoryGenerator.History history) throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpLoad load = new HttpLoad(port);
        double warmup = options.quick() ? 0.5 : 2;
        double seconds = options.quick() ? 2 : 8;
        List<String> hosts = history.hosts();
        Map<String, List<HttpLoad.Result>> results = new LinkedHashMap<>();
        // One host's registry entry, the same request each time: after the first, an answer from the response cache.
        String cachedPath = "/api/hosts/" + hosts.get(0);
        // The HTTP path has not run yet in this process: one unmeasured round of each load first, so that the first
        // repetition does not measure the JIT compiler (the trivial endpoint measured 855, 1,521 and 1,985 req/s in
        // three repetitions of a run without it).
        load.run(64, warmup, seconds / 2, n -> "/actuator/info");
        load.run(64, warmup, seconds / 2, mapPaths(hosts));
        load.run(64, warmup, seconds / 2, registryPaths(hosts));
        load.run(64, warmup, seconds / 2, n -> cachedPath);
        for (int rep = 0; rep < options.repetitions(); rep++) {
            HttpLoad.Result trivial = load.run(64, warmup, seconds, n -> "/actuator/info");
            HttpLoad.Result map = load.run(64, warmup, seconds, mapPaths(hosts));
            HttpLoad.Result registry = load.run(64, warmup, seconds, registryPaths(hosts));
            HttpLoad.Result cached = load.run(64, warmup, seconds, n -> cachedPath);
            results.computeIfAbsent("cached", k -> new ArrayList<>()).add(cached);
            results.computeIfAbsent("trivial", k -> new ArrayList<>()).add(trivial);
            results.computeIfAbsent("map", k -> new ArrayList<>()).add(map);
            results.computeIfAbsent("registry", k -> new ArrayList<>()).add(registry);
            say(
                    "REST rep %d: trivial %.0f/s (p99 %.1f ms), hosting map %.0f/s (p99 %.1f ms, %d errors), "
                            + "registry %.0f/s (p99 %.1f ms, %d errors)",
                    rep + 1,
                    trivial.perSecond(),
                    trivial.p99Millis(),
                    map.perSecond(),
                    map.p99Millis(),
                    map.errors(),
                    registry.perSecond(),
                    registry.p99Millis(),
                    registry.errors());
            say(
                    "REST rep %d: one view read answered from the response cache %.0f/s (p99 %.1f ms, %d errors)",
                    rep + 1, cached.perSecond(), cached.p99Millis(), cached.errors());
        }
        List<Double> trivialRates =
                results.get("trivial").stream().map(HttpLoad.Result::perSecond).toList();
        // Open loop at half the trivial endpoint's measured maximum: the latency a client sees when the service is
        // busy but not saturated. (64 closed-loop clients on 2 cores measure queueing: Little's law alone gives
        // 64 / rate of waiting, whatever the application does.)
        double openRate = Figure.median(trivialRates) / 2;
        Map<String, List<HttpLoad.Result>> open = new LinkedHashMap<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            open.computeIfAbsent("map", k -> new ArrayList<>())
                    .add(load.openLoop(openRate, 64, warmup, seconds, mapPaths(hosts)));
            open.computeIfAbsent("registry", k -> new ArrayList<>())
                    .add(load.openLoop(openRate, 64, warmup, seconds, registryPaths(hosts)));
            say(
                    "REST open loop rep %d at %.0f req/s: hosting map p99 %.1f ms, registry p99 %.1f ms",
                    rep + 1,
                    openRate,
                    open.get("map").get(rep).p99Millis(),
                    open.get("registry").get(rep).p99Millis());
        }
        List<Double> cachedRates =
                results.get("cached").stream().map(HttpLoad.Result::perSecond).toList();
        // The trivial endpoint goes through Spring MVC and Actuator's operation invoker; an answer from the response
        // cache goes through the same filters and no further. It measured about half the CPU per request of
        // /actuator/info (server CPU per request, one client, demo store), so it is shown beside it.
        figures.add(Figure.versus(
                "REST trivial endpoint ÷ a view read answered from the response cache, 64 clients",
                trivialRates,
                "req/s",
                cachedRates,
                String.format(
                        Locale.ROOT,
                        "%s again and again (a cache hit after the first): the cheapest answer through the same"
                                + " filters; the reads' ceiling above is /actuator/info; %d errors",
                        cachedPath,
                        results.get("cached").stream()
                                .mapToLong(HttpLoad.Result::errors)
                                .sum())));
        for (String view : List.of("map", "registry")) {
            String label = view.equals("map") ? "hosting map" : "registry";
            List<HttpLoad.Result> rs = results.get(view);
            figures.add(Figure.atLeast(
                    "REST " + label + " reads, 64 clients",
                    rs.stream().map(HttpLoad.Result::perSecond).toList(),
                    "req/s",
                    trivialRates,
                    0.5,
                    String.format(
                            Locale.ROOT,
                            "ceiling: /actuator/info under the same load; p50 %.1f ms; %d errors",
                            Figure.median(
                                    rs.stream().map(HttpLoad.Result::p50Millis).toList()),
                            rs.stream().mapToLong(HttpLoad.Result::errors).sum())));
            figures.add(Figure.info(
                    "REST " + label + " reads p99, 64 closed-loop clients",
                    rs.stream().map(HttpLoad.Result::p99Millis).toList(),
                    "ms",
                    "closed loop: mostly queueing behind 63 other clients on 2 cores, not the application"));
            List<HttpLoad.Result> os = open.get(view);
            figures.add(Figure.atMost(
                    "REST " + label + " reads p99, open loop at half the trivial maximum",
                    os.stream().map(HttpLoad.Result::p99Millis).toList(),
                    "ms",
                    25,
                    1.0,
                    String.format(
                            Locale.ROOT,
                            "%.0f req/s scheduled, latency from each request's due time; p50 %.1f ms; %d errors",
                            openRate,
                            Figure.median(
                                    os.stream().map(HttpLoad.Result::p50Millis).toList()),
                            os.stream().mapToLong(HttpLoad.Result::errors).sum())));
        }
    }

    // --- 6. Sign-in amplification: public reads during a flood of wrong credentials -----------------------------

    /**
     * Another client sends 200 requests/s carrying HTTP Basic credentials that are all wrong and all different (so no
     * cache can answer them), to a public read; public reads without credentials are measured before and during.
     * Without a defence every such request costs a BCrypt check and the reads fall by an order of magnitude.
     */
    private void wrongCredentialFlood() throws Exception {
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        HttpLoad load = new HttpLoad(port);
        double warmup = options.quick() ? 0.5 : 2;
        double seconds = options.quick() ? 2 : 8;
        java.util.function.IntFunction<String> reads = n -> "/api/hosts?size=20&page=" + (n % 10);
        List<Double> unloaded = new ArrayList<>();
        List<Double> flooded = new ArrayList<>();
        java.util.Map<Integer, Long> attackerStatuses = new java.util.TreeMap<>();
        List<Double> attackerRates = new ArrayList<>();
        for (int rep = 0; rep < options.repetitions(); rep++) {
            unloaded.add(load.run(64, warmup, seconds, reads).perSecond());
            // Sixteen connections: enough for 200 requests/s even while some wait on a password check.
            try (HttpLoad.Flood flood = new HttpLoad.Flood(
                    port,
                    16,
                    200,
                    "/api/hosts",
                    n -> "Authorization: Basic "
                            + java.util.Base64.getEncoder()
                                    .encodeToString(("intruder-" + n + ":guess-" + n)
                                            .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                            + "\r\n")) {
                flooded.add(load.run(64, warmup, seconds, reads).perSecond());
                attackerRates.add(flood.perSecond());
                flood.statuses().forEach((status, count) -> attackerStatuses.merge(status, count, Long::sum));
            }
            say(
                    "wrong-credential flood rep %d: public reads %.0f/s unloaded, %.0f/s during %.0f req/s of wrong "
                            + "credentials (answers of all reps so far %s)",
                    rep + 1, unloaded.get(rep), flooded.get(rep), attackerRates.get(rep), attackerStatuses);
        }
        figures.add(Figure.atLeast(
                "public reads under 200 req/s of wrong credentials, 64 clients",
                flooded,
                "req/s",
                unloaded,
                0.5,
                String.format(
                        Locale.ROOT,
                        "ceiling: the same reads unloaded, same run; the attacker (one address, 16 connections) sent "
                                + "a median %.0f req/s, answered %s",
                        Figure.median(attackerRates),
                        attackerStatuses)));
    }

    /** How many loads of view reads have run: each asks its one-host questions in a way no earlier load did. */
    private int viewLoads;

    /**
     * Half the map's first pages (ten of them, the same for everyone: answered from the response cache after the first
     * time, as they would be in use), half one host's decisions, a different host each time. Every load starts its
     * count of requests again from 0, so without more the second load would ask for the same hosts as the first and
     * be answered from the cache; each load asks with a page size of its own instead (the answers hold the same
     * decisions), so that one-host reads are computed in every repetition, not only in the first.
     */
    private java.util.function.IntFunction<String> mapPaths(List<String> hosts) {
        int size = 21 + viewLoads++;
        return n -> n % 2 == 0
                ? "/api/decisions?size=20&page=" + (n % 10)
                : "/api/decisions?size=" + size + "&hostId=" + hosts.get(Math.floorMod(n * 7919, hosts.size()));
    }

    /** The registry's counterpart of {@link #mapPaths}: first pages of the host list, one host's certificates. */
    private java.util.function.IntFunction<String> registryPaths(List<String> hosts) {
        int size = 21 + viewLoads++;
        return n -> n % 2 == 0
                ? "/api/hosts?size=20&page=" + (n % 10)
                : "/api/certifications?size=" + size + "&hostId=" + hosts.get(Math.floorMod(n * 7919, hosts.size()));
    }

    // --- 6. stock Axon side by side ---------------------------------------------------------------------------

    /**
     * The same command mix and the same rebuild on a stock Axon 4.13 setup ({@link StockAxonApplication}): Axon's
     * default JDBC engine and token store, no snapshots, no cache, Axon's own replay; the projections' processors are
     * configured as HostLedger's (pooled, same segments and batch size), so that the rebuild compares the replay
     * paths. On PostgreSQL, stock Axon gets a schema of its own on the same server.
     */
    private void stockAxon(List<String> appArgs) throws Exception {
        List<String> args = new ArrayList<>(appArgs);
        args.add("--hostledger.data-dir=" + dataDir.resolve("stock").toAbsolutePath());
        if (options.postgres()) {
            args.addAll(postgresArguments("stock"));
        }
        say("stock Axon 4.13: starting");
        try (StockRun stock = new StockRun(args)) {
            List<Double> one = new ArrayList<>();
            List<Double> eight = new ArrayList<>();
            int count1 = options.scaled(3_000, 300);
            int count8 = options.scaled(8_000, 800);
            stock.rate(4, options.scaled(4_000, 400), n -> registerHost());
            for (int rep = 0; rep < options.repetitions(); rep++) {
                one.add(stock.rate(1, count1, n -> registerHost()));
                eight.add(stock.rate(8, count8, n -> registerHost()));
                say("stock append rep %d: 1 client %.0f/s, 8 clients %.0f/s", rep + 1, one.get(rep), eight.get(rep));
            }
            int past = 10_000;
            stock.send(registerHostWithId("bench-long-host"));
            stock.send(longDecision());
            stock.pastChallenges("bench-long-decision", past, SOURCES);
            List<Double> longRates = new ArrayList<>();
            for (int rep = 0; rep < options.repetitions(); rep++) {
                longRates.add(stock.rate(1, options.scaled(30, 5), n -> challenge()));
                say("stock long aggregate rep %d: %.1f/s", rep + 1, longRates.get(rep));
            }
            long missing = events - stock.head();
            new HistoryGenerator(stock.eventStore(), 7).generate(Math.max(missing, 1000), "g");
            stock.awaitCaughtUp(Duration.ofHours(2));
            List<Double> rebuild = new ArrayList<>();
            for (int rep = 0; rep < options.repetitions(); rep++) {
                rebuild.add(stock.rebuild(Duration.ofHours(2)));
                say("stock rebuild rep %d: %.0f events/s over %d events", rep + 1, rebuild.get(rep), stock.head());
            }
            figures.add(Figure.versus(
                    "HostLedger ÷ stock Axon: command append, 1 client",
                    ours.get("append1"),
                    "cmd/s",
                    one,
                    "stock: Axon's JDBC engine, no snapshots or cache; HostLedger also chains each event and answers "
                            + "its position"));
            figures.add(Figure.versus(
                    "HostLedger ÷ stock Axon: command append, 8 clients",
                    ours.get("append8"),
                    "cmd/s",
                    eight,
                    "same commands, same database"));
            figures.add(Figure.versus(
                    "HostLedger ÷ stock Axon: command on an aggregate with " + past + "+ past events",
                    ours.get("long"),
                    "cmd/s",
                    longRates,
                    "stock loads every past event per command; HostLedger a snapshot and the events after it"));
            figures.add(Figure.versus(
                    "HostLedger ÷ stock Axon: rebuild all projections",
                    ours.get("rebuild"),
                    "events/s",
                    rebuild,
                    "stock: reset the tokens and let the pooled processors catch up (Axon's replay)"));
        }
    }

    private LedgerCommand longDecision() {
        return new RecordHostingDecision(
                "bench-long-decision",
                "Benchmark controller",
                "Long-lived system",
                "bench-long-host",
                List.of(1, 2, 3),
                LocalDate.of(2019, 1, 1),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "benchmark",
                List.of(),
                SOURCES);
    }

    // --- report -------------------------------------------------------------------------------------------------

    /**
     * Prints the table and the notes and writes the results file. After a failed section ({@code failure} not null)
     * it does so with the figures taken before it, says so above the table, and marks the file {@code "complete":
     * false} with the failure.
     */
    static void report(Options options, List<Figure> figures, long events, Throwable failure) throws IOException {
        if (failure != null) {
            say(
                    "%nINCOMPLETE RUN: a section failed (%s); the table holds the %d figures taken before it",
                    failure, figures.size());
        }
        StringBuilder table = new StringBuilder();
        table.append("\n| figure | value (median) | min – max | ceiling | ratio | target | met |\n");
        table.append("|---|---|---|---|---|---|---|\n");
        for (Figure f : figures) {
            table.append(String.format(
                    Locale.ROOT,
                    "| %s | %s %s | %s – %s | %s | %s | %s | %s |%n",
                    f.name(),
                    number(f.value()),
                    f.unit(),
                    number(f.min()),
                    number(f.max()),
                    f.ceiling() == 0 ? "—" : number(f.ceiling()) + " " + f.unit(),
                    f.ceiling() == 0 ? "—" : String.format(Locale.ROOT, "%.2f", f.ratio()),
                    f.target(),
                    f.target().equals("—") ? "—" : options.quick() ? "(quick)" : f.met() ? "yes" : "**no**"));
        }
        System.out.println(table);
        for (Figure f : figures) {
            System.out.println("- " + f.name() + ": " + f.note());
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("mode", options.quick() ? "quick" : "full");
        results.put("complete", failure == null);
        if (failure != null) {
            results.put("failure", failure.toString());
        }
        results.put("events", events);
        results.put(
                "machine",
                Map.of(
                        "cores",
                        Runtime.getRuntime().availableProcessors(),
                        "jvm",
                        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                        "maxHeapMb",
                        HeapSampler.maxHeapBytes() >> 20,
                        "os",
                        System.getProperty("os.name") + " " + System.getProperty("os.arch")));
        results.put("figures", figures);
        Files.createDirectories(options.output().toAbsolutePath().getParent());
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(options.output().toFile(), results);
        say("results written to %s", options.output());
    }

    private static String number(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    static void say(String format, Object... args) {
        System.out.println(String.format(Locale.ROOT, format, args));
    }
}
