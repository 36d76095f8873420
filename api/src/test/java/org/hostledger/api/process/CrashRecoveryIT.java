package org.hostledger.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hostledger.api.Http;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a write load: after a restart every write that was answered 2xx is in the store, the hash
 * chain verifies, and the projections catch up to what a fresh replay builds — also from the command line.
 */
class CrashRecoveryIT {

    private static final int WRITERS = 8;
    private static final int ACKNOWLEDGED_BEFORE_KILL = 300;

    @Test
    void nothingAcknowledgedIsLostAcrossAKill() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "crash-");
        try (LedgerProcess ledger = new LedgerProcess(dataDir, Map.of(), List.of())) {
            Http http = ledger.start();
            List<String> acked;
            try (WriteLoad load = new WriteLoad(http.port(), "crash", WRITERS)) {
                assertThat(load.awaitAcknowledged(ACKNOWLEDGED_BEFORE_KILL, Duration.ofMinutes(5)))
                        .isTrue();
                ledger.kill();
                // the writers' last requests fail with the server: none of them is acknowledged
                load.close();
                acked = load.acknowledged();
            }

            http = ledger.start();
            Http admin = http;
            Views.assertRecorded(admin, acked);
            long head = Views.verifiedIntact(admin).get("headPosition").asLong();
            assertThat(head).isGreaterThanOrEqualTo(36 + acked.size());

            String caughtUp = Views.assertEqualToAReplay(admin, head, List.of(), "after the crash");
            ledger.stop();

            LedgerProcess.Result replay = ledger.runOnce("--replay=all");
            assertThat(replay.exitCode()).as(replay.output()).isZero();
            assertThat(replay.output()).contains("replay complete");
            LedgerProcess.Result verify = ledger.runOnce("--verify");
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).contains("chain intact");

            http = ledger.start();
            assertThat(Views.read(http, head))
                    .as("views after a command-line replay")
                    .isEqualTo(caughtUp);

            // kill -9 during a rebuild of every projection: the restart rebuilds again, the views come back the same.
            assertThat(http.at("/api/admin/projections/all/replay")
                            .as("admin", LedgerProcess.ADMIN_PASSWORD)
                            .post("")
                            .send()
                            .status())
                    .isEqualTo(202);
            ledger.kill();
            http = ledger.start();
            assertThat(Views.read(http, head))
                    .as("views after a kill during a rebuild")
                    .isEqualTo(caughtUp);
        }
    }
}
