package org.hostledger.api.process;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.hostledger.api.Http;
import org.hostledger.api.PostgresTestSchema;

/** The packaged application as a separate JVM, as an operator runs it: started, killed, restarted. */
public final class LedgerProcess implements AutoCloseable {

    public static final String ADMIN_PASSWORD = "crash-admin";

    private final Path dataDir;
    private final Path log;
    private final Map<String, String> environment;
    private final List<String> extraArgs;
    private final String schema;
    private Process process;
    private int port;

    public LedgerProcess(Path dataDir, Map<String, String> environment, List<String> extraArgs) {
        this(
                dataDir,
                environment,
                extraArgs,
                "p" + UUID.randomUUID().toString().replace("-", "").substring(0, 20));
    }

    private LedgerProcess(Path dataDir, Map<String, String> environment, List<String> extraArgs, String schema) {
        this.schema = schema;
        this.dataDir = dataDir;
        this.log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
        this.environment = environment;
        this.extraArgs = extraArgs;
    }

    public static Path jar() {
        String jar = System.getProperty("hostledger.jar", "target/hostledger.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("package the application first: " + jar + " is missing");
        }
        return Path.of(jar);
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private List<String> command(List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                jar().toAbsolutePath().toString(),
                "--hostledger.data-dir=" + dataDir.toAbsolutePath()));
        command.addAll(database());
        if (extraArgs.stream().noneMatch(a -> a.startsWith("--hostledger.alerts.enabled="))) {
            // The alert job writes events of its own at start-up: only the tests about it turn it on.
            command.add("--hostledger.alerts.enabled=false");
        }
        command.addAll(extraArgs);
        command.addAll(args);
        return command;
    }

    /** On PostgreSQL (when the suites run there), a schema of this process's own; the embedded store otherwise. */
    private List<String> database() {
        if (!PostgresTestSchema.enabled()) {
            return List.of();
        }
        String url = System.getProperty(PostgresTestSchema.URL);
        return List.of(
                "--spring.profiles.active=postgres",
                "--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema,
                "--spring.datasource.username=hostledger",
                "--spring.datasource.password=hostledger",
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema);
    }

    public String schema() {
        return schema;
    }

    /**
     * Another node on the same PostgreSQL schema, with its own log and data directory; it signs checkpoints with this
     * node's key file, as every node sharing a database must (README, Production).
     */
    public LedgerProcess sibling(Path otherDataDir) {
        List<String> args = new ArrayList<>(extraArgs);
        if (args.stream().noneMatch(a -> a.startsWith("--hostledger.ledger.signing-key="))) {
            args.add("--hostledger.ledger.signing-key="
                    + dataDir.toAbsolutePath().resolve("ledger-signing.key"));
        }
        return new LedgerProcess(otherDataDir, environment, args, schema);
    }

    private ProcessBuilder builder(List<String> args) {
        ProcessBuilder builder = new ProcessBuilder(command(args))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("HOSTLEDGER_ADMIN_PASSWORD", ADMIN_PASSWORD);
        builder.environment().putAll(environment);
        return builder;
    }

    /**
     * The first log line containing {@code marker} and the lines after it (a stack trace), for a failing assertion's
     * message; empty when the log holds no such line.
     */
    public String logExcerpt(String marker) {
        try {
            List<String> lines = Files.readAllLines(log);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(marker)) {
                    return "\n" + String.join("\n", lines.subList(i, Math.min(lines.size(), i + 60)));
                }
            }
            return "";
        } catch (IOException e) {
            return "\n(the log " + log + " could not be read: " + e.getMessage() + ")";
        }
    }

    /** Starts the server and waits until it answers healthy. */
    public Http start() throws Exception {
        port = freePort();
        process = builder(List.of("--server.port=" + port)).start();
        Http http = new Http(port);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the application exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.get("/actuator/health").status() == 200) {
                    return http;
                }
            } catch (AssertionError notYet) {
                // not listening yet
            }
            Thread.onSpinWait();
            process.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new IllegalStateException("the application did not become healthy; see " + log);
    }

    /** kill -9: no shutdown hook, no flush, no goodbye. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** A graceful stop (SIGTERM). */
    public void stop() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
    }

    /** Runs a one-shot mode (--replay=all, --verify) to its end; answers its exit code and output. */
    public Result runOnce(String... args) throws Exception {
        Path out = Files.createTempFile(dataDir.getParent(), "oneshot", ".log");
        Process oneShot = builder(List.of(args)).redirectOutput(out.toFile()).start();
        if (!oneShot.waitFor(10, TimeUnit.MINUTES)) {
            oneShot.destroyForcibly();
            throw new IllegalStateException("one-shot mode " + List.of(args) + " did not finish");
        }
        return new Result(oneShot.exitValue(), Files.readString(out));
    }

    public record Result(int exitCode, String output) {}

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
