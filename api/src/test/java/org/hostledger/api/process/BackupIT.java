package org.hostledger.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.PostgresTestSchema;
import org.junit.jupiter.api.Test;

/**
 * {@code --backup=DIR} while the application serves a write load, then {@code --restore=DIR} into a fresh data
 * directory: every write acknowledged before the backup started is there, the chain verifies, the views equal a
 * replay. Refusals: a non-empty data directory, a damaged backup, no running application. On PostgreSQL: pg_dump's
 * route, and a restore that points to pg_restore.
 */
class BackupIT {

    private static final int WRITERS = 6;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOnlineBackupUnderLoadRestoresEveryAcknowledgedWrite() throws Exception {
        assumeFalse(PostgresTestSchema.enabled(), "the online backup is H2's; PostgreSQL has its own test");
        Path dir = Files.createTempDirectory(Path.of("target"), "backup-");
        Path backup = dir.resolve("backup");
        List<String> ackedBeforeBackup;
        long backupHead;
        // The writers and the backup share one principal: its write budget (600 a minute by default) is raised so
        // that a fast machine's load is not refused before the backup is taken.
        try (LedgerProcess original = new LedgerProcess(
                dir.resolve("original"),
                Map.of(),
                List.of("--hostledger.security.rate-limits.writes.capacity=1000000"))) {
            Http http = original.start();
            try (WriteLoad load = new WriteLoad(http.port(), "backup", WRITERS)) {
                assertThat(load.awaitAcknowledged(150, Duration.ofMinutes(5))).isTrue();
                ackedBeforeBackup = load.acknowledged();
                LedgerProcess.Result taken = original.runOnce(
                        "--backup=" + backup.toAbsolutePath(),
                        "--hostledger.backup.url=http://127.0.0.1:" + http.port());
                assertThat(taken.exitCode()).as(taken.output()).isZero();
                assertThat(taken.output()).contains("backup written to");
                int during = load.acknowledged().size();
                assertThat(load.awaitAcknowledged(during + 50, Duration.ofMinutes(2)))
                        .as("the application kept serving writes")
                        .isTrue();
                load.close();
                assertThat(load.refusals())
                        .as("no write refused during the backup")
                        .isEmpty();
            }

            // The manifest: the state the backup holds at least, the H2 version, checksums.
            JsonNode manifest = JSON.readTree(backup.resolve("manifest.json").toFile());
            assertThat(manifest.get("store").asText()).isEqualTo("h2");
            assertThat(manifest.get("engineVersion").asText()).matches("2\\.\\d+\\.\\d+.*");
            backupHead = manifest.get("headPosition").asLong();
            assertThat(backupHead).isGreaterThanOrEqualTo(ackedBeforeBackup.size());
            assertThat(manifest.get("headHash").asText()).matches("[0-9a-f]{64}");
            assertThat(manifest.get("treeSize").asLong())
                    .isEqualTo(manifest.get("headPosition").asLong());
            assertThat(manifest.get("files").findValuesAsText("name")).contains("hostledger.zip", "ledger-signing.key");

            // Nothing answers any more: --backup says so and writes nothing.
            original.stop();
            Path nowhere = dir.resolve("nowhere");
            LedgerProcess.Result noServer = original.runOnce(
                    "--backup=" + nowhere.toAbsolutePath(),
                    "--hostledger.backup.url=http://127.0.0.1:" + LedgerProcess.freePort());
            assertThat(noServer.exitCode()).as(noServer.output()).isEqualTo(3);
            assertThat(noServer.output()).contains("no HostLedger answers");
            assertThat(nowhere).satisfiesAnyOf(p -> assertThat(p).doesNotExist(), p -> assertThat(p)
                    .isEmptyDirectory());

            // A data directory in use is never overwritten.
            LedgerProcess.Result overwrite = original.runOnce("--restore=" + backup.toAbsolutePath());
            assertThat(overwrite.exitCode()).as(overwrite.output()).isEqualTo(2);
            assertThat(overwrite.output()).contains("is not empty");
        }

        // A damaged copy is refused before anything is written.
        Path damaged = dir.resolve("damaged");
        Files.createDirectories(damaged);
        try (var files = Files.list(backup)) {
            for (Path file : files.toList()) {
                Files.copy(file, damaged.resolve(file.getFileName()));
            }
        }
        Files.write(damaged.resolve("hostledger.zip"), new byte[] {0}, StandardOpenOption.APPEND);
        try (LedgerProcess elsewhere = new LedgerProcess(dir.resolve("fresh-damaged"), Map.of(), List.of())) {
            LedgerProcess.Result refused = elsewhere.runOnce("--restore=" + damaged.toAbsolutePath());
            assertThat(refused.exitCode()).as(refused.output()).isEqualTo(2);
            assertThat(refused.output()).contains("does not match its checksum");
            assertThat(dir.resolve("fresh-damaged")).doesNotExist();
        }

        try (LedgerProcess restored = new LedgerProcess(dir.resolve("restored"), Map.of(), List.of())) {
            LedgerProcess.Result restore = restored.runOnce("--restore=" + backup.toAbsolutePath());
            assertThat(restore.exitCode()).as(restore.output()).isZero();
            assertThat(restore.output()).contains("restore verified: chain intact");

            Http http = restored.start();
            Views.assertRecorded(http, ackedBeforeBackup);
            JsonNode verdict = Views.verifiedIntact(http);
            long head = verdict.get("headPosition").asLong();
            assertThat(head).isGreaterThanOrEqualTo(backupHead);
            Views.assertEqualToAReplay(http, head, ackedBeforeBackup, "of the restored store");
        }
    }

    @Test
    void onPostgresqlBackupIsPgDumpAndRestoreIsPgRestore() throws Exception {
        assumeTrue(PostgresTestSchema.enabled(), "needs PostgreSQL: run with -Ppostgres");
        Path dir = Files.createTempDirectory(Path.of("target"), "pgbackup-");
        Path backup = dir.resolve("backup");
        try (LedgerProcess ledger = new LedgerProcess(dir.resolve("node"), Map.of(), List.of())) {
            Http http = ledger.start();
            Http.Response created = http.at("/api/hosts")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .post("{\"id\":\"pg-backup-1\",\"name\":\"Dumped\",\"country\":\"FR\","
                            + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                    .send();
            assertThat(created.status()).isEqualTo(201);
            LedgerProcess.Result taken = ledger.runOnce("--backup=" + backup.toAbsolutePath());
            assertThat(taken.exitCode()).as(taken.output()).isZero();
            assertThat(taken.output()).contains("pg_dump archive written");
            assertThat(Files.size(backup.resolve("hostledger.dump"))).isPositive();
            JsonNode manifest = JSON.readTree(backup.resolve("manifest.json").toFile());
            assertThat(manifest.get("store").asText()).isEqualTo("postgresql");
            assertThat(manifest.get("engineVersion").asText()).contains("pg_dump");

            LedgerProcess.Result restore = ledger.runOnce("--restore=" + backup.toAbsolutePath());
            assertThat(restore.exitCode()).as(restore.output()).isEqualTo(3);
            assertThat(restore.output()).contains("pg_restore");
        }
    }
}
