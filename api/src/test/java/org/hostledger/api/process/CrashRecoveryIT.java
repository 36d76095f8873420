package org.hostledger.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
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
            int port = http.port();
            List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger counter = new AtomicInteger();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            for (int w = 0; w < WRITERS; w++) {
                writers.submit(() -> {
                    Http client = new Http(port);
                    while (running.get()) {
                        String id = "crash-" + counter.incrementAndGet();
                        try {
                            Http.Response response = client.at("/api/hosts")
                                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                                    .post("{\"id\":\"" + id + "\",\"name\":\"Crash " + id + "\",\"country\":\"FR\","
                                            + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                                    .send();
                            if (response.status() == 201) {
                                acknowledged.add(id);
                            }
                        } catch (AssertionError connectionLost) {
                            // the server died under us: this write was never acknowledged
                        }
                    }
                });
            }
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_KILL) {
                Thread.onSpinWait();
                TimeUnit.MILLISECONDS.sleep(20);
            }
            ledger.kill();
            running.set(false);
            writers.shutdown();
            assertThat(writers.awaitTermination(2, TimeUnit.MINUTES)).isTrue();
            List<String> acked = List.copyOf(acknowledged);

            http = ledger.start();
            Http admin = http;
            for (String id : acked) {
                Http.Response history = admin.at("/api/hosts/" + id + "/history")
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .send();
                assertThat(history.status()).as("acknowledged " + id).isEqualTo(200);
                assertThat(history.json().get("events")).hasSize(1);
            }
            JsonNode verdict = admin.at("/api/audit/verify")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .send()
                    .json();
            assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
            long head = verdict.get("headPosition").asLong();
            assertThat(head).isGreaterThanOrEqualTo(36 + acked.size());

            String caughtUp = views(admin, head);
            for (String projection : List.of("registry", "hosting-map")) {
                assertThat(admin.at("/api/admin/projections/" + projection + "/replay")
                                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                                .post("")
                                .send()
                                .status())
                        .isEqualTo(202);
            }
            assertThat(views(admin, head))
                    .as("views after the crash equal a fresh replay")
                    .isEqualTo(caughtUp);
            ledger.stop();

            LedgerProcess.Result replay = ledger.runOnce("--replay=all");
            assertThat(replay.exitCode()).as(replay.output()).isZero();
            assertThat(replay.output()).contains("replay complete");
            LedgerProcess.Result verify = ledger.runOnce("--verify");
            assertThat(verify.exitCode()).as(verify.output()).isZero();
            assertThat(verify.output()).contains("chain intact");

            http = ledger.start();
            assertThat(views(http, head))
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
            assertThat(views(http, head))
                    .as("views after a kill during a rebuild")
                    .isEqualTo(caughtUp);
        }
    }

    /** Every page of every list view, once the projections reached {@code head}. */
    private static String views(Http http, long head) {
        StringBuilder all = new StringBuilder();
        for (String list : List.of("/api/hosts", "/api/certifications", "/api/decisions")) {
            for (int page = 0; ; page++) {
                Http.Response response = http.get(list + "?size=200&page=" + page + "&awaitPosition=" + head);
                assertThat(response.header("X-Ledger-Position-Reached")).isEqualTo("true");
                JsonNode json = response.json();
                all.append(json.get("items").toString()).append('\n');
                if ((long) (page + 1) * 200 >= json.get("totalItems").asLong()) {
                    break;
                }
            }
        }
        return all.toString();
    }
}
