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
import java.util.function.ToLongFunction;
import org.hostledger.api.Http;
import org.junit.jupiter.api.Test;

/**
 * kill -9 in the middle of a large register import; after a restart, importing the same file again completes it:
 * every product listed exactly once (and, for FedRAMP's agency authorizations, every hosting decision recorded once),
 * the snapshot recorded once, the chain intact.
 */
class RegisterImportCrashIT {

    private static final int PRODUCTS = 5_000;

    /** A FedRAMP snapshot of {@code products} products, each authorized by {@code agencies} agencies (by name). */
    private static byte[] snapshot(int products, int agencies) {
        StringBuilder json = new StringBuilder("{\"meta\":{},\"data\":{\"Products\":[");
        for (int i = 0; i < products; i++) {
            json.append(i == 0 ? "" : ",")
                    .append("{\"id\":\"K")
                    .append(i)
                    .append("\",\"csp\":\"Provider ")
                    .append(i % 97)
                    .append("\",\"cso\":\"Offering ")
                    .append(i)
                    .append(
                            agencies == 0
                                    ? "\",\"status\":\"FedRAMP In Process\""
                                    : "\",\"status\":\"FedRAMP Authorized\"")
                    .append(",\"impact_level\":\"Moderate\"");
            for (int a = 0; a < agencies; a++) {
                json.append(a == 0 ? ",\"agency_authorizations\":[" : ",")
                        .append("\"Agency ")
                        .append((i + a) % 13)
                        .append(a == agencies - 1 ? "\"]" : "\"");
            }
            json.append('}');
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
        byte[] file = snapshot(PRODUCTS, 0);
        try (LedgerProcess ledger = new LedgerProcess(dataDir, Map.of(), List.of())) {
            Http again = killedDuringImport(
                    ledger,
                    file,
                    http -> http.get("/api/registers/fedramp/entries?size=1")
                            .json()
                            .get("totalItems")
                            .asLong(),
                    200);
            Http.Response completed = importIt(again, file);
            assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
            assertThat(completed.json().get("changes").get("LISTED").asInt()).isEqualTo(PRODUCTS);
            assertThat(completed.json().get("entries").asInt()).isEqualTo(PRODUCTS);

            assertRecordedOnce(again, "RegisterEntry", "", "RegisterEntryListed", PRODUCTS);
            assertCompleteAndIntact(again, file);
        }
    }

    /**
     * The same for FedRAMP's agency authorizations, recorded after the entries: killed once some of the hosting
     * decisions are recorded, the import completed again records each decision once (an agency decision of a
     * product already recorded is found again, not recorded anew under a dated id).
     */
    @Test
    void anImportKilledAmongItsAgencyDecisionsCompletesWithoutDuplicates() throws Exception {
        int products = 600;
        int agencies = 3;
        Path dataDir = Files.createTempDirectory(Path.of("target"), "register-crash-decisions-");
        byte[] file = snapshot(products, agencies);
        try (LedgerProcess ledger = new LedgerProcess(dataDir, Map.of(), List.of())) {
            // The event store itself (not a view) says when decisions are being recorded.
            Http again = killedDuringImport(
                    ledger,
                    file,
                    http -> {
                        long decided = 0;
                        for (JsonNode event : events(http, "HostingDecision", "&limit=1000")) {
                            decided += event.get("aggregateId").asText().startsWith("fedramp-k") ? 1 : 0;
                        }
                        return decided;
                    },
                    100);
            Http.Response completed = importIt(again, file);
            assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
            assertThat(completed.json().get("entries").asInt()).isEqualTo(products);
            assertRecordedOnce(again, "RegisterEntry", "", "RegisterEntryListed", products);
            // The register's decisions are named after it and the product: fedramp-k<n>-<agency hash>.
            assertRecordedOnce(again, "HostingDecision", "fedramp-k", "HostingDecisionRecorded", products * agencies);
            assertCompleteAndIntact(again, file);
        }
    }

    /**
     * Starts the ledger, imports {@code file} in the background, kills the process (-9) once {@code progress} reached
     * {@code reached} while the import is still running, checks that import was never acknowledged, and restarts it.
     */
    private static Http killedDuringImport(
            LedgerProcess ledger, byte[] file, ToLongFunction<Http> progress, long reached) throws Exception {
        Http http = ledger.start();
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> {
            try {
                return importIt(http, file).status();
            } catch (AssertionError connectionLost) {
                return -1;
            }
        });
        long done = 0;
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (done < reached && System.nanoTime() < deadline && !first.isDone()) {
            done = progress.applyAsLong(http);
            TimeUnit.MILLISECONDS.sleep(50);
        }
        assertThat(first.isDone())
                .as("the import must still be running when it is killed")
                .isFalse();
        assertThat(done).as("progress before the kill").isGreaterThanOrEqualTo(reached);
        ledger.kill();
        assertThat(first.get(1, TimeUnit.MINUTES))
                .as("the killed import was never acknowledged")
                .isEqualTo(-1);
        return ledger.start();
    }

    /**
     * Every event of that aggregate type whose aggregate id starts with {@code idPrefix} (the demo history has
     * decisions of its own) is of that type, and each of {@code expected} aggregates has one.
     */
    private static void assertRecordedOnce(
            Http http, String aggregateType, String idPrefix, String type, int expected) {
        Set<String> once = new HashSet<>();
        int count = 0;
        String after = "";
        while (true) {
            JsonNode page = audit(http, aggregateType, "&limit=1000" + after);
            for (JsonNode event : page.get("events")) {
                if (!event.get("aggregateId").asText().startsWith(idPrefix)) {
                    continue;
                }
                assertThat(event.get("type").asText()).isEqualTo(type);
                count++;
                once.add(event.get("aggregateId").asText());
            }
            if (page.get("nextAfter") == null || page.get("nextAfter").isNull()) {
                break;
            }
            after = "&after=" + page.get("nextAfter").asLong();
        }
        assertThat(count).as(type + " events").isEqualTo(expected);
        assertThat(once).as(aggregateType + " records").hasSize(expected);
    }

    /** The snapshot recorded once, the same file again a duplicate, the chain intact. */
    private static void assertCompleteAndIntact(Http http, byte[] file) {
        assertThat(events(http, "Register", "&limit=100")).hasSize(1);
        Http.Response duplicate = importIt(http, file);
        assertThat(duplicate.status()).isEqualTo(200);
        assertThat(duplicate.json().get("duplicate").asBoolean()).isTrue();
        JsonNode verdict = http.at("/api/audit/verify")
                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                .send()
                .json();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
    }

    private static JsonNode events(Http http, String aggregateType, String query) {
        return audit(http, aggregateType, query).get("events");
    }

    private static JsonNode audit(Http http, String aggregateType, String query) {
        return http.at("/api/audit/events?aggregateType=" + aggregateType + query)
                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                .send()
                .json();
    }
}
