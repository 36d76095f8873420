package org.hostledger.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hostledger.api.Http;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a large register import; after a restart, importing the same file again completes it:
 * every product listed exactly once, the snapshot recorded once, the chain intact.
 */
class RegisterImportCrashIT {

    private static final int PRODUCTS = 5_000;

    private static byte[] snapshot() {
        StringBuilder json = new StringBuilder("{\"meta\":{},\"data\":{\"Products\":[");
        for (int i = 0; i < PRODUCTS; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"K")
                    .append(i)
                    .append("\",\"csp\":\"Provider ")
                    .append(i % 97)
                    .append("\",\"cso\":\"Offering ")
                    .append(i)
                    .append("\",\"status\":\"FedRAMP In Process\",\"impact_level\":\"Moderate\"}");
        }
        return json.append("]}}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Http.Response importIt(Http http, byte[] file) {
        return http.at("/api/registers/fedramp/snapshots?publishedAt=2025-03-01T00:00:00Z")
                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                .postBytes(file, "application/json")
                // An import of the whole file answers once every entry is recorded: minutes on a loaded machine.
                .timeout(Duration.ofMinutes(5))
                .send();
    }

    @Test
    void anImportKilledHalfwayCompletesWithoutDuplicates() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "register-crash-");
        byte[] file = snapshot();
        try (LedgerProcess ledger = new LedgerProcess(dataDir, Map.of(), List.of())) {
            Http http = ledger.start();
            CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
                try {
                    return importIt(http, file).status();
                } catch (AssertionError connectionLost) {
                    return -1;
                }
            });
            long listed = 0;
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (listed < 200 && System.nanoTime() < deadline && !first.isDone()) {
                listed = http.get("/api/registers/fedramp/entries?size=1")
                        .json()
                        .get("totalItems")
                        .asLong();
                TimeUnit.MILLISECONDS.sleep(50);
            }
            assertThat(first.isDone())
                    .as("the import must still be running when it is killed")
                    .isFalse();
            ledger.kill();
            assertThat(first.get(1, TimeUnit.MINUTES))
                    .as("the killed import was never acknowledged")
                    .isEqualTo(-1);

            Http again = ledger.start();
            Http.Response completed = importIt(again, file);
            assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
            assertThat(completed.json().get("changes").get("LISTED").asInt()).isEqualTo(PRODUCTS);
            assertThat(completed.json().get("entries").asInt()).isEqualTo(PRODUCTS);

            Set<String> listedOnce = new HashSet<>();
            int listedEvents = 0;
            int snapshots = 0;
            String after = "";
            while (true) {
                JsonNode page = again.at("/api/audit/events?aggregateType=RegisterEntry&limit=1000" + after)
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .send()
                        .json();
                for (JsonNode event : page.get("events")) {
                    assertThat(event.get("type").asText()).isEqualTo("RegisterEntryListed");
                    listedEvents++;
                    listedOnce.add(event.get("aggregateId").asText());
                }
                if (page.get("nextAfter") == null || page.get("nextAfter").isNull()) {
                    break;
                }
                after = "&after=" + page.get("nextAfter").asLong();
            }
            assertThat(listedEvents).isEqualTo(PRODUCTS);
            assertThat(listedOnce).hasSize(PRODUCTS);
            snapshots = again.at("/api/audit/events?aggregateType=Register&limit=100")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .send()
                    .json()
                    .get("events")
                    .size();
            assertThat(snapshots).isEqualTo(1);

            Http.Response duplicate = importIt(again, file);
            assertThat(duplicate.status()).isEqualTo(200);
            assertThat(duplicate.json().get("duplicate").asBoolean()).isTrue();
            JsonNode verdict = again.at("/api/audit/verify")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .send()
                    .json();
            assertThat(verdict.get("intact").asBoolean()).isTrue();
        }
    }
}
