package org.hostledger.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.hostledger.api.HostLedgerApplication;
import org.hostledger.api.application.registers.FedrampSnapshotReader;
import org.hostledger.api.application.registers.ParsedSnapshot;
import org.hostledger.api.application.registers.RegisterImporter;
import org.hostledger.api.application.registers.SnapshotImport;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The register import figures of issue 13, on the shared FedRAMP series ({@code shared/registers/fedramp}, found by
 * walking up from the working directory), in an application of their own (its own store, one application in the
 * heap at a time):
 *
 * <ul>
 *   <li>backfill: the whole series imported through the import path (the same service as the REST endpoint and
 *       {@code --import}, called as {@code --import} calls it: only the last file waits for the views, so the time
 *       ends once every view holds the whole series), events appended per second, against a ceiling measured in the
 *       same run: the same files parsed by the same reader, diffed in memory (each product's facts and agencies against the previous
 *       snapshot's), and the same events (read back from the store, untimed) appended with plain JDBC batches of
 *       100 rows per commit;
 *   <li>re-import: a snapshot whose content is unchanged (the latest of the series, one space added so that it is
 *       another file) against the first import of that snapshot into an empty register;
 *   <li>the live heap after a full collection at the end of each repetition (the benchmark runs with {@code -Xmx512m}).
 * </ul>
 *
 * <p>Each repetition imports into registers of its own ({@code bench-fedramp-N}, {@code bench-reimport-N}); hosts
 * are shared by name across registers, so later repetitions register fewer hosts. Before the timed repetitions, the
 * series is imported {@link #WARM_UP} times untimed ({@code bench-warm-up-N}): the ceiling's parse, diff and JDBC
 * batches are a few hot loops, compiled within the first file, while the import path runs through the command bus,
 * the aggregates, the store and five projections, which the JIT was still compiling in the third repetition of a
 * cold run (JFR: 4 s of C2 compilations within a 6 s repetition). Without the warm-up, the figure compared a cold
 * import with a warm ceiling. The warm-up takes only the coldest compilations out: with this section run alone, in a
 * fresh JVM on two cores, each backfill still spent 5 to 8 s compiling (the JIT's own time, beside 11 to 15 s of
 * process CPU), eight backfills in; in the whole benchmark, after the other sections, 1 to 2 s by the fifth, on H2
 * and on PostgreSQL alike. With the quick compiler alone ({@code -XX:TieredStopAtLevel=1}) the process spent as much
 * CPU running slower code. In a fresh JVM the path is too large to be compiled within a few series; the figure
 * includes what is left of that work. Quick mode imports the first three snapshots, warms nothing up and judges
 * nothing. Alone: {@code java -Xmx512m -Dloader.main=org.hostledger.bench.RegisterImportBench
 * -cp bench/target/hostledger-bench.jar org.springframework.boot.loader.launch.PropertiesLauncher [--quick]
 * [--repetitions=N] [--store=postgres]} (the server as for the whole benchmark).
 */
final class RegisterImportBench {

    private static final int BATCH = 100;

    /** Untimed imports of the whole series before the timed repetitions (none in quick mode). */
    static final int WARM_UP = 2;

    private final boolean quick;
    private final int repetitions;
    private final List<Path> series;
    private ConfigurableApplicationContext app;
    private RegisterImporter importer;
    private JdbcTemplate jdbc;
    private JdbcCeilings ceilings;
    private DataSource dataSource;
    private HeapSampler heap;

    private RegisterImportBench(boolean quick, int repetitions) {
        this.quick = quick;
        this.repetitions = repetitions;
        List<Path> all = fedrampSeries();
        this.series = quick ? all.subList(0, 3) : all;
    }

    /**
     * The figures, in an application of their own started from {@code appArgs} with its store under {@code dataDir}
     * ({@code storeArgs}: the PostgreSQL settings of a run on PostgreSQL, else none).
     */
    static List<Figure> run(boolean quick, int repetitions, List<String> appArgs, Path dataDir, List<String> storeArgs)
            throws Exception {
        RegisterImportBench bench = new RegisterImportBench(quick, repetitions);
        List<String> args = new ArrayList<>(appArgs);
        args.add("--hostledger.data-dir=" + dataDir.resolve("registers").toAbsolutePath());
        args.addAll(storeArgs);
        for (int r = 0; r < repetitions; r++) {
            args.addAll(register(2 * r, "bench-fedramp-" + r));
            args.addAll(register(2 * r + 1, "bench-reimport-" + r));
        }
        for (int w = 0; w < bench.warmUps(); w++) {
            args.addAll(register(2 * repetitions + w, "bench-warm-up-" + w));
        }
        try (HeapSampler heap = new HeapSampler()) {
            bench.app = new SpringApplicationBuilder(HostLedgerApplication.class).run(args.toArray(String[]::new));
            bench.importer = bench.app.getBean(RegisterImporter.class);
            bench.dataSource = bench.app.getBean(DataSource.class);
            bench.jdbc = new JdbcTemplate(bench.dataSource);
            bench.ceilings = new JdbcCeilings(bench.dataSource, !storeArgs.isEmpty());
            bench.heap = heap;
            List<Figure> figures = bench.figures();
            figures.add(Benchmark.heapFigure(
                    "register import",
                    heap,
                    String.format(
                            Locale.ROOT,
                            "the %d-snapshot series imported %d times (and the re-imports)",
                            bench.series.size(),
                            repetitions + bench.warmUps())));
            return figures;
        } finally {
            if (bench.app != null) {
                bench.app.close();
            }
        }
    }

    private static List<String> register(int n, String id) {
        String key = "--hostledger.registers[" + n + "].";
        return List.of(
                key + "id=" + id,
                key + "name=Benchmark " + id,
                key + "publisher=HostLedger benchmark",
                key + "format=FEDRAMP_JSON",
                key + "scheme=FEDRAMP");
    }

    private int warmUps() {
        return quick ? 0 : WARM_UP;
    }

    /** Imports the whole series into {@code register}, as {@code --import} does: only the last file waits for the views. */
    private void backfill(String register) {
        for (int n = 0; n < series.size(); n++) {
            Path file = series.get(n);
            SnapshotImport done = importer.importSnapshot(
                    register, bytes(file), publishedAt(file), null, "bench", n == series.size() - 1);
            if (done.duplicate()) {
                throw new IllegalStateException(file + " was already imported into " + register);
            }
        }
    }

    private List<Figure> figures() throws Exception {
        ceilings.createInsertTable();
        for (int w = 0; w < warmUps(); w++) {
            Backfill warmUp = timedBackfill("bench-warm-up-" + w);
            Benchmark.say(
                    "register warm-up %d: backfill %.2f s (%.0f events/s; %s)",
                    w + 1, warmUp.seconds(), warmUp.rate(), warmUp.jvm());
        }
        List<Double> rates = new ArrayList<>();
        List<Double> ceilingRates = new ArrayList<>();
        List<Double> firstSeconds = new ArrayList<>();
        List<Double> againSeconds = new ArrayList<>();
        long seriesEvents = 0;
        for (int r = 0; r < repetitions; r++) {
            Backfill backfill = timedBackfill("bench-fedramp-" + r);
            seriesEvents = backfill.events();
            rates.add(backfill.rate());
            double parseAndDiff = parseAndDiffSeconds();
            double append = appendSeconds(backfill.after());
            ceilingRates.add(backfill.events() / (parseAndDiff + append));
            Benchmark.say(
                    "register rep %d: backfill %.2f s (%.0f events/s; %s); ceiling %.2f s (read and diff %.2f s, JDBC"
                            + " append %.2f s)",
                    r + 1,
                    backfill.seconds(),
                    backfill.rate(),
                    backfill.jvm(),
                    parseAndDiff + append,
                    parseAndDiff,
                    append);

            // The latest snapshot, first into an empty register, then again unchanged (another file: one space).
            Path last = series.get(series.size() - 1);
            String reimport = "bench-reimport-" + r;
            byte[] file = bytes(last);
            long first = System.nanoTime();
            importer.importSnapshot(reimport, file, publishedAt(last), null, "bench");
            firstSeconds.add(JdbcCeilings.seconds(first));
            byte[] unchanged = new String(file, StandardCharsets.UTF_8)
                    .replaceFirst("\\{", "{ ")
                    .getBytes(StandardCharsets.UTF_8);
            long again = System.nanoTime();
            SnapshotImport same = importer.importSnapshot(
                    reimport, unchanged, publishedAt(last).plus(Duration.ofHours(1)), null, "bench");
            againSeconds.add(JdbcCeilings.seconds(again));
            if (same.duplicate()
                    || same.changes().values().stream()
                                    .mapToInt(Integer::intValue)
                                    .sum()
                            != 0) {
                throw new IllegalStateException("an unchanged snapshot recorded changes: " + same.changes());
            }
            heap.checkpoint();
        }
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.atLeast(
                "register backfill (FedRAMP series through the import path)",
                rates,
                "events/s",
                ceilingRates,
                0.5,
                String.format(
                        Locale.ROOT,
                        "%d snapshots, %d events appended per backfill (entries, providers' hosts, agency"
                                + " decisions, snapshot records), after %d untimed backfills; ceiling: the same files"
                                + " parsed by the same reader, diffed in memory, and the same events appended with"
                                + " plain JDBC batches of %d",
                        series.size(),
                        seriesEvents,
                        warmUps(),
                        BATCH)));
        double firstMedian = Figure.median(firstSeconds);
        figures.add(Figure.atMost(
                "register re-import of an unchanged snapshot",
                againSeconds,
                "s",
                firstMedian,
                0.2,
                String.format(
                        Locale.ROOT,
                        "%s again (unchanged content, another file) against its first import into an empty register"
                                + " (median %.2f s): read, diff, nothing to change, the snapshot's record only",
                        series.get(series.size() - 1).getFileName(),
                        firstMedian)));
        return figures;
    }

    /**
     * What the JVM itself did from a moment on: the process's CPU time, the JIT's compilation time and the GC's pause
     * time. A backfill that runs while the JIT is still compiling the import path is not the steady state that a
     * ceiling of a few hot loops is compared with; these say how far each repetition was from it.
     */
    private record JvmWork(long cpuNanos, long jitMillis, long gcMillis) {

        static JvmWork now() {
            long gc = 0;
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                gc += Math.max(0, collector.getCollectionTime());
            }
            return new JvmWork(
                    ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime(),
                    ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                    gc);
        }

        String since() {
            JvmWork later = now();
            return String.format(
                    Locale.ROOT,
                    "process CPU %.2f s, JIT compiling %.2f s, GC pauses %.2f s",
                    (later.cpuNanos - cpuNanos) / 1e9,
                    (later.jitMillis - jitMillis) / 1e3,
                    (later.gcMillis - gcMillis) / 1e3);
        }
    }

    /** One timed backfill: the events it appended after position {@code after}, and what the JVM did meanwhile. */
    private record Backfill(long after, long events, double seconds, String jvm) {
        double rate() {
            return events / seconds;
        }
    }

    private Backfill timedBackfill(String register) {
        long after = lastIndex();
        JvmWork work = JvmWork.now();
        long start = System.nanoTime();
        backfill(register);
        double seconds = JdbcCeilings.seconds(start);
        String jvm = work.since();
        long events = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE global_index > ?", Long.class, after);
        return new Backfill(after, events, seconds, jvm);
    }

    /** The ceiling's first part: every file read by the same reader, and each diffed in memory against the last. */
    private double parseAndDiffSeconds() {
        FedrampSnapshotReader reader = new FedrampSnapshotReader(new ObjectMapper());
        double seconds = 0;
        Map<String, ParsedSnapshot.Entry> previous = new HashMap<>();
        long changes = 0;
        for (Path file : series) {
            byte[] bytes = bytes(file);
            long start = System.nanoTime();
            ParsedSnapshot snapshot = reader.read(new ByteArrayInputStream(bytes), publishedAt(file));
            Map<String, ParsedSnapshot.Entry> current = new HashMap<>();
            for (ParsedSnapshot.Entry entry : snapshot.entries()) {
                current.put(entry.entryId(), entry);
                ParsedSnapshot.Entry before = previous.remove(entry.entryId());
                if (before == null) {
                    changes += 1 + entry.agencies().size();
                } else {
                    changes += entry.facts().changedFrom(before.facts()).size();
                    for (String agency : entry.agencies().keySet()) {
                        changes += before.agencies().containsKey(agency) ? 0 : 1;
                    }
                    for (String agency : before.agencies().keySet()) {
                        changes += entry.agencies().containsKey(agency) ? 0 : 1;
                    }
                }
            }
            for (ParsedSnapshot.Entry gone : previous.values()) {
                changes += 1 + gone.agencies().size();
            }
            previous = current;
            seconds += JdbcCeilings.seconds(start);
        }
        if (changes == 0) {
            throw new IllegalStateException("the in-memory diff found no change in the series");
        }
        return seconds;
    }

    /**
     * The ceiling's second part: the events the backfill appended (after {@code after}), read back untimed a batch at
     * a time, appended with plain JDBC batches; seconds spent appending.
     */
    private double appendSeconds(long after) throws Exception {
        jdbc.update("DELETE FROM bench_ceiling_event");
        double seconds = 0;
        byte[] hash = new byte[32];
        try (Connection read = dataSource.getConnection();
                Connection write = dataSource.getConnection();
                PreparedStatement select = read.prepareStatement(
                        "SELECT event_identifier, aggregate_identifier, sequence_number, type, payload_type,"
                                + " payload_revision, payload, meta_data FROM domain_event_entry WHERE global_index > ?"
                                + " ORDER BY global_index");
                PreparedStatement insert = write.prepareStatement("INSERT INTO bench_ceiling_event "
                        + "(event_identifier, aggregate_identifier, sequence_number, type, time_stamp, "
                        + "payload_type, payload_revision, payload, meta_data, chain_hash) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,?)")) {
            read.setAutoCommit(false);
            select.setFetchSize(BATCH);
            select.setLong(1, after);
            write.setAutoCommit(false);
            try (ResultSet rs = select.executeQuery()) {
                List<Object[]> batch = new ArrayList<>(BATCH);
                boolean more = true;
                while (more) {
                    batch.clear();
                    while (batch.size() < BATCH && (more = rs.next())) {
                        batch.add(new Object[] {
                            rs.getString(1),
                            rs.getString(2),
                            rs.getLong(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getString(6),
                            rs.getBytes(7),
                            rs.getBytes(8)
                        });
                    }
                    if (batch.isEmpty()) {
                        break;
                    }
                    long start = System.nanoTime();
                    for (Object[] row : batch) {
                        insert.setString(1, (String) row[0]);
                        insert.setString(2, (String) row[1]);
                        insert.setLong(3, (Long) row[2]);
                        insert.setString(4, (String) row[3]);
                        insert.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                        insert.setString(6, (String) row[4]);
                        insert.setString(7, (String) row[5]);
                        insert.setBytes(8, (byte[]) row[6]);
                        insert.setBytes(9, (byte[]) row[7]);
                        insert.setBytes(10, hash);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    write.commit();
                    seconds += JdbcCeilings.seconds(start);
                }
            }
            read.commit();
        }
        return seconds;
    }

    private long lastIndex() {
        return jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
    }

    /** The shared series, in publication order (file names are publication instants). */
    static List<Path> fedrampSeries() {
        return fedrampSeries(Path.of("").toAbsolutePath());
    }

    /** The same, looked for in {@code from} and the directories above it. */
    static List<Path> fedrampSeries(Path from) {
        for (Path dir = from; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/registers/fedramp");
            if (Files.isDirectory(candidate)) {
                try (var files = Files.list(candidate)) {
                    List<Path> series = files.filter(
                                    p -> p.getFileName().toString().endsWith(".json.gz"))
                            .sorted()
                            .toList();
                    if (series.size() < 3) {
                        throw new IllegalStateException("too few snapshots in " + candidate);
                    }
                    return series;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        throw new IllegalStateException(
                "shared/registers/fedramp not found above " + from + ": run from the repository");
    }

    /** {@code 2023-02-15T19-42-00Z.json.gz} was published at 2023-02-15T19:42:00Z. */
    static Instant publishedAt(Path file) {
        String name = file.getFileName().toString();
        String stamp = name.substring(0, name.indexOf(".json"));
        return Instant.parse(stamp.substring(0, 13) + ":" + stamp.substring(14, 16) + ":" + stamp.substring(17));
    }

    private static byte[] bytes(Path file) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * This section alone: {@code [--quick] [--repetitions=N] [--store=h2|postgres] [--pg-url=…] [--pg-user=…]
     * [--pg-password=…]} (on PostgreSQL, in a schema of its own, dropped at the end); prints its rows.
     */
    public static void main(String[] args) throws Exception {
        SectionArgs options = SectionArgs.orExit(() -> SectionArgs.parse(args, true));
        boolean quick = options.quick();
        int repetitions = options.repetitions();
        Path dataDir = Files.createTempDirectory("hostledger-bench-registers-");
        String schema = "hostledger_bench_" + System.currentTimeMillis() + "_registers";
        int status = 0;
        try {
            List<String> storeArgs =
                    options.postgres() == null ? List.of() : options.postgres().createSchema(schema);
            List<Figure> figures = run(
                    quick,
                    repetitions,
                    List.of(
                            "--server.port=0",
                            "--hostledger.demo-data=false",
                            "--hostledger.security.admin-password=benchmark",
                            "--spring.main.banner-mode=off",
                            "--logging.level.root=WARN"),
                    dataDir,
                    storeArgs);
            System.out.println("\n| figure | value (median) | min – max | ceiling | ratio | target | met |");
            System.out.println("|---|---|---|---|---|---|---|");
            for (Figure f : figures) {
                System.out.println(String.format(
                        Locale.ROOT,
                        "| %s | %.2f %s | %.2f – %.2f | %.2f %s | %.2f | %s | %s |",
                        f.name(),
                        f.value(),
                        f.unit(),
                        f.min(),
                        f.max(),
                        f.ceiling(),
                        f.unit(),
                        f.ratio(),
                        f.target(),
                        quick ? "(quick)" : f.met() ? "yes" : "**no**"));
            }
            figures.forEach(f -> System.out.println("- " + f.name() + ": " + f.note()));
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        } finally {
            if (options.postgres() != null) {
                options.postgres().dropSchemas(schema);
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
