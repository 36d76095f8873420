package org.hostledger.api.admin.backup;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * The command-line side of backups, run once the configuration is read and before any bean opens the database.
 *
 * <ul>
 *   <li>{@code --backup=DIR} on H2 asks the running application for an online backup ({@code POST
 *       /api/admin/backups} at {@code hostledger.backup.url}, as {@code admin} with {@code HOSTLEDGER_ADMIN_PASSWORD})
 *       and unpacks it into DIR, checking every checksum; on PostgreSQL it runs {@code pg_dump} when found, and
 *       refuses otherwise. It exits without starting the application.
 *   <li>{@code --restore=DIR} on H2 checks the backup against its manifest and unpacks it into a fresh data
 *       directory; the application then starts on it and {@link RestoreCheck} verifies the chain. On PostgreSQL it
 *       refuses: pg_restore restores a dump.
 * </ul>
 *
 * Exit codes: 0 done, 1 failed on the way, 2 refused (a non-empty directory, a damaged backup), 3 not possible here
 * (no running application, no pg_dump, PostgreSQL restore).
 */
public class BackupModes implements ApplicationListener<ApplicationEnvironmentPreparedEvent>, Ordered {

    public static final String BACKUP = "backup";
    public static final String RESTORE = "restore";
    static final String PRODUCTION = "README, Production: Backups";

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE; // after the configuration files are read
    }

    @Override
    public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
        DefaultApplicationArguments args = new DefaultApplicationArguments(event.getArgs());
        PrintStream out = System.out;
        try {
            if (args.containsOption(BACKUP)) {
                backup(Path.of(single(args.getOptionValues(BACKUP), BACKUP)), event.getEnvironment(), out);
                System.exit(0);
            } else if (args.containsOption(RESTORE)) {
                restore(Path.of(single(args.getOptionValues(RESTORE), RESTORE)), event.getEnvironment(), out);
            }
        } catch (BackupRefused e) {
            out.println(e.getMessage());
            System.exit(e.exitCode());
        } catch (IOException e) {
            out.println("failed: " + e);
            System.exit(1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        }
    }

    private static String single(List<String> values, String option) {
        if (values == null || values.size() != 1 || values.get(0).isBlank()) {
            throw new BackupRefused(2, "--" + option + "=DIR takes one directory");
        }
        return values.get(0);
    }

    static boolean postgres(ConfigurableEnvironment environment) {
        return environment.getProperty("spring.datasource.url", "").startsWith("jdbc:postgresql:");
    }

    /** Takes a backup into {@code directory}, which must be new or empty. */
    public static BackupManifest backup(Path directory, ConfigurableEnvironment environment, PrintStream out)
            throws IOException, InterruptedException {
        if (postgres(environment)) {
            return PgDump.backup(directory, environment, out);
        }
        String base = environment.getProperty(
                "hostledger.backup.url", "http://127.0.0.1:" + environment.getProperty("server.port", "8080"));
        String user = environment.getProperty("hostledger.backup.user", "admin");
        String password = environment.getProperty(
                "hostledger.backup.password", environment.getProperty("hostledger.security.admin-password", ""));
        BackupFiles.requireFresh(directory, "backup directory");
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/admin/backups"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            // The backup shares its principal's write budget: while that principal is busy writing, wait as the
            // 429's Retry-After says, a bounded number of times, rather than fail.
            for (int retry = 0; response.statusCode() == 429 && retry < 10; retry++) {
                response.body().close();
                long seconds = response.headers()
                        .firstValue("Retry-After")
                        .map(BackupModes::seconds)
                        .orElse(1L);
                out.println("the application is busy (429): asking again in " + seconds + " s");
                Thread.sleep(Duration.ofSeconds(seconds).toMillis());
                response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            }
        } catch (ConnectException e) {
            throw new BackupRefused(
                    3,
                    "no HostLedger answers at " + base + ": --backup takes an online backup through the running "
                            + "application; start it, or name it with --hostledger.backup.url=http://host:port");
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                String detail = new String(body.readNBytes(4096), StandardCharsets.UTF_8);
                throw new BackupRefused(
                        1, "the application refused the backup (" + response.statusCode() + "): " + detail);
            }
            BackupManifest manifest = BackupFiles.unzip(body, directory);
            out.println("backup written to " + directory + ": chain head " + manifest.headPosition() + " "
                    + manifest.headHash() + ", tree size " + manifest.treeSize() + ", H2 " + manifest.engineVersion());
            return manifest;
        }
    }

    /** Unpacks a backup into the configured data directory, which must be new or empty. */
    public static BackupManifest restore(Path directory, ConfigurableEnvironment environment, PrintStream out)
            throws IOException {
        if (postgres(environment)) {
            throw new BackupRefused(
                    3, "the store is PostgreSQL: restore a pg_dump archive with pg_restore (" + PRODUCTION + ")");
        }
        BackupManifest manifest = BackupFiles.readVerified(directory);
        if (!BackupManifest.H2.equals(manifest.store())) {
            throw new BackupRefused(
                    2,
                    directory + " is a " + manifest.store() + " backup: restore it with pg_restore (" + PRODUCTION
                            + ")");
        }
        Path dataDir = Path.of(environment.getProperty("hostledger.data-dir", "./data"));
        BackupFiles.requireFresh(dataDir, "data directory");
        org.h2.tools.Restore.execute(directory.resolve(BackupFiles.H2_ARCHIVE).toString(), dataDir.toString(), null);
        Path key = directory.resolve(BackupFiles.SIGNING_KEY);
        if (Files.isRegularFile(key)) {
            Files.copy(key, dataDir.resolve(BackupFiles.SIGNING_KEY));
        }
        out.println("restored the backup of " + manifest.createdAt() + " into " + dataDir + "; verifying");
        return manifest;
    }

    /** pg_dump's route on PostgreSQL. */
    static final class PgDump {

        private PgDump() {}

        static BackupManifest backup(Path directory, ConfigurableEnvironment environment, PrintStream out)
                throws IOException, InterruptedException {
            Optional<Path> pgDump = find();
            if (pgDump.isEmpty()) {
                throw new BackupRefused(
                        3,
                        "pg_dump is not installed here: back up PostgreSQL with pg_dump as " + PRODUCTION
                                + " shows; nothing was written");
            }
            BackupFiles.requireFresh(directory, "backup directory");
            URI url =
                    URI.create(environment.getProperty("spring.datasource.url").substring("jdbc:".length()));
            List<String> command = new ArrayList<>(List.of(
                    pgDump.get().toString(),
                    "--format=custom",
                    "--file=" + directory.resolve(BackupFiles.PG_DUMP),
                    "--host=" + url.getHost(),
                    "--port=" + (url.getPort() > 0 ? url.getPort() : 5432),
                    "--username=" + environment.getProperty("spring.datasource.username", "hostledger")));
            String schema = parameter(url.getQuery(), "currentSchema");
            if (schema != null) {
                command.add("--schema=" + schema);
            }
            command.add(url.getPath().substring(1));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().put("PGPASSWORD", environment.getProperty("spring.datasource.password", ""));
            String createdAt = Instant.now().toString();
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new BackupRefused(1, "pg_dump failed: " + output.trim());
            }
            Process version = new ProcessBuilder(pgDump.get().toString(), "--version").start();
            String versionLine = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            version.waitFor();
            List<BackupManifest.FileEntry> files = new ArrayList<>();
            files.add(BackupFiles.entry(directory.resolve(BackupFiles.PG_DUMP)));
            Path key = Path.of(environment.getProperty(
                    "hostledger.ledger.signing-key",
                    Path.of(environment.getProperty("hostledger.data-dir", "./data"))
                            .resolve(BackupFiles.SIGNING_KEY)
                            .toString()));
            if (Files.isRegularFile(key)) {
                Files.copy(key, directory.resolve(BackupFiles.SIGNING_KEY));
                files.add(BackupFiles.entry(directory.resolve(BackupFiles.SIGNING_KEY)));
            }
            BackupManifest manifest = new BackupManifest(
                    BackupManifest.FORMAT,
                    createdAt,
                    BackupManifest.POSTGRESQL,
                    versionLine,
                    null,
                    null,
                    null,
                    null,
                    files);
            BackupFiles.writeManifest(directory, manifest);
            out.println("pg_dump archive written to " + directory.resolve(BackupFiles.PG_DUMP)
                    + "; restore it with pg_restore (" + PRODUCTION + ")");
            return manifest;
        }

        private static String parameter(String query, String name) {
            if (query == null) {
                return null;
            }
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return pair.substring(name.length() + 1);
                }
            }
            return null;
        }

        /** pg_dump on the PATH, or the newest of Debian's PostgreSQL installations. */
        static Optional<Path> find() throws IOException {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir.isEmpty() ? "." : dir, "pg_dump");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
            Path debian = Path.of("/usr/lib/postgresql");
            if (!Files.isDirectory(debian)) {
                return Optional.empty();
            }
            try (Stream<Path> versions = Files.list(debian)) {
                return versions.map(v -> v.resolve("bin/pg_dump"))
                        .filter(Files::isExecutable)
                        .max(Comparator.comparing(p -> versionOf(p.getParent().getParent())));
            }
        }

        private static int versionOf(Path dir) {
            try {
                return Integer.parseInt(dir.getFileName().toString());
            } catch (NumberFormatException e) {
                return 0;
            }
        }
    }

    private static long seconds(String retryAfter) {
        try {
            return Math.max(1, Math.min(30, Long.parseLong(retryAfter.trim())));
        } catch (NumberFormatException e) {
            return 1; // an HTTP date instead of seconds: ask again soon
        }
    }
}
