package org.hostledger.api.registers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.core.command.RecordRegisterEntry;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Hand-made and hostile snapshots: each refusal is a clear 4xx problem saying where, and appends nothing. The
 * register {@code hostile} (FedRAMP JSON) and the CSV registers {@code hds-test} and {@code snc-test} are the tests'
 * own (application-test.properties), so the classes sharing this store never meet.
 */
class RegisterImportTest extends IntegrationTest {

    @Autowired
    LedgerCommands commands;

    private static String product(String id, String status, String level) {
        return "{\"id\":\"" + id + "\",\"csp\":\"Acme " + id + "\",\"cso\":\"Cloud\",\"status\":\"" + status
                + "\",\"impact_level\":\"" + level + "\",\"auth_date\":\"2020-05-04T04:00:00.000Z\","
                + "\"ready_date\":\"No FRR Date\",\"independent_assessor\":\"Coalfire\"}";
    }

    private static String file(String... products) {
        return "{\"meta\":{\"produced_by\":\"tests\"},\"data\":{\"Products\":[" + String.join(",", products) + "]}}";
    }

    private Http.Response post(String register, String publishedAt, byte[] body, String type) {
        return http.at("/api/registers/" + register + "/snapshots?publishedAt=" + publishedAt)
                .editor()
                .postBytes(body, type)
                .send();
    }

    /** Posts, expects the status, a problem+json naming {@code where}, and no event appended. */
    private JsonNode refused(String register, byte[] body, String type, int status, String where) {
        long before = eventCount();
        Http.Response response = post(register, "2024-01-01T00:00:00Z", body, type);
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        if (where != null) {
            assertThat(response.json().get("errors").get(0).get("field").asText())
                    .as(response.toString())
                    .startsWith(where);
        }
        assertThat(eventCount()).isEqualTo(before);
        return response.json();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anEmptyBodyIsRefused() {
        refused("hostile", new byte[0], "application/json", 400, "$");
        refused("hds-test", new byte[0], "text/csv", 400, "line 1");
    }

    @Test
    void aTruncatedSnapshotIsRefusedSayingWhere() {
        byte[] real = SharedRegisters.fedramp().get(1).bytes();
        byte[] half = Arrays.copyOf(real, real.length / 2);
        JsonNode problem = refused("hostile", half, "application/json", 400, "line 1, column");
        assertThat(problem.get("detail").asText()).contains("$.data.Products[");
    }

    @Test
    void whatIsNotJsonIsRefused() {
        refused("hostile", utf8("this is not JSON"), "application/json", 400, "line 1");
        refused("hostile", new byte[] {(byte) 0xff, 0x00, 0x12}, "application/json", 400, "line 1");
    }

    @Test
    void aFileOfAnotherFormatIsRefused() throws Exception {
        byte[] csv = Files.readAllBytes(SharedRegisters.root().resolve("hds/hds-sample.csv"));
        refused("hostile", csv, "text/csv", 400, "line 1");
        refused("hostile", utf8("{\"meta\":{},\"data\":{\"Agencies\":[]}}"), "application/json", 400, "$.data");
        refused("hds-test", SharedRegisters.fedramp().get(1).bytes(), "application/json", 400, "line 1");
    }

    @Test
    void aProductWithoutIdIsRefused() {
        String noId = "{\"csp\":\"Acme\",\"cso\":\"Cloud\",\"status\":\"FedRAMP Ready\"}";
        refused(
                "hostile",
                utf8(file(product("F1", "FedRAMP Ready", "Low"), noId)),
                "application/json",
                400,
                "$.data.Products[1].id");
    }

    @Test
    void duplicatedIdsAreRefused() {
        refused(
                "hostile",
                utf8(file(product("F1", "FedRAMP Ready", "Low"), product("F1", "FedRAMP Authorized", "Low"))),
                "application/json",
                400,
                "$.data.Products[1].id");
        refused("hds-test", utf8("entry_id;host\na;A\na;B\n"), "text/csv", 400, "line 3");
    }

    @Test
    void tenThousandProductsAreAllReadBeforeAnythingIsSent() {
        // The 10,000th product has no id: the whole file is read before any command, so nothing of it is recorded.
        String[] products = new String[10_000];
        for (int i = 0; i < products.length - 1; i++) {
            products[i] = product("T" + i, "FedRAMP Ready", "Low");
        }
        products[products.length - 1] = "{\"csp\":\"Acme\",\"status\":\"FedRAMP Ready\"}";
        refused("hostile", utf8(file(products)), "application/json", 400, "$.data.Products[9999].id");
    }

    @Test
    void aBodyOverTheSnapshotLimitIsRefused() {
        long before = eventCount();
        byte[] big = new byte[40 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        Http.Response response = post("hostile", "2024-01-01T00:00:00Z", big, "application/json");
        assertThat(response.status()).as(response.toString()).isEqualTo(413);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aGzipBombOverTheLimitIsRefusedAndABrokenGzipToo() throws Exception {
        byte[] big = new byte[40 * 1024 * 1024];
        Arrays.fill(big, (byte) ' ');
        long before = eventCount();
        Http.Response bomb = http.at("/api/registers/hostile/snapshots?publishedAt=2024-01-01T00:00:00Z")
                .editor()
                .header("Content-Encoding", "gzip")
                .postBytes(RegisterImportAcceptanceTest.gzip(big), "application/json")
                .send();
        assertThat(bomb.status()).as(bomb.toString()).isEqualTo(413);
        Http.Response broken = http.at("/api/registers/hostile/snapshots?publishedAt=2024-01-01T00:00:00Z")
                .editor()
                .header("Content-Encoding", "gzip")
                .postBytes(utf8(file(product("F1", "FedRAMP Ready", "Low"))), "application/json")
                .send();
        assertThat(broken.status()).as(broken.toString()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anEmptyOrCutGzipBodySaysWhatIsWrongWithIt() throws Exception {
        byte[] whole = RegisterImportAcceptanceTest.gzip(utf8(file(product("F1", "FedRAMP Ready", "Low"))));
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("the snapshot is empty", new byte[0]);
        bodies.put("ends within its 10-byte header", Arrays.copyOf(whole, 5));
        bodies.put("damaged or truncated: Unexpected end", Arrays.copyOf(whole, whole.length - 12));
        // Cut within the 8-byte trailer: the JDK says end of file without a message.
        bodies.put("damaged or truncated: it ends too early", Arrays.copyOf(whole, whole.length - 4));
        for (Map.Entry<String, byte[]> body : bodies.entrySet()) {
            long before = eventCount();
            Http.Response response = http.at("/api/registers/hostile/snapshots?publishedAt=2024-01-01T00:00:00Z")
                    .editor()
                    .header("Content-Encoding", "gzip")
                    .postBytes(body.getValue(), "application/json")
                    .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("detail").asText())
                    .as(body.getKey())
                    .contains(body.getKey())
                    .doesNotContain("null");
            assertThat(eventCount()).isEqualTo(before);
        }
    }

    @Test
    void theImportNeedsAnEditorAKnownRegisterAndAPublicationNotInTheFuture() {
        byte[] body = utf8(file(product("F1", "FedRAMP Ready", "Low")));
        long before = eventCount();
        assertThat(http.at("/api/registers/hostile/snapshots?publishedAt=2024-01-01T00:00:00Z")
                        .postBytes(body, "application/json")
                        .send()
                        .status())
                .isEqualTo(401);
        assertThat(post("nope", "2024-01-01T00:00:00Z", body, "application/json")
                        .status())
                .isEqualTo(404);
        assertThat(post("hostile", "2999-01-01T00:00:00Z", body, "application/json")
                        .status())
                .isEqualTo(400);
        assertThat(http.at("/api/registers/hostile/snapshots")
                        .editor()
                        .postBytes(body, "application/json")
                        .send()
                        .status())
                .isEqualTo(400);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void anImportInterruptedAfterSomeChangesCompletesWithoutRecordingAnythingTwice() {
        String register = "hostile";
        String a = product("R1", "FedRAMP Ready", "Low");
        String b = product("R2", "FedRAMP In Process", "High");
        String c = product("R3", "FedRAMP Authorized", "Moderate");
        // A first snapshot, imported fully; its successor's import is then cut short after one of its changes.
        Http.Response first = post(register, "2025-01-01T00:00:00Z", utf8(file(a, b)), "application/json");
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        byte[] second = utf8(file(a, product("R2", "FedRAMP Authorized", "High"), c));
        RegisterCitation citation = new RegisterCitation(
                register,
                Instant.parse("2025-02-01T00:00:00Z"),
                org.hostledger.api.application.registers.RegisterImporter.sha256Of(second),
                null);
        commands.sendAs(
                new RecordRegisterEntry(
                        "hostile:R3",
                        true,
                        citation,
                        "R3",
                        new RegisterEntryFacts(
                                "Cloud", "Acme R3", "FedRAMP Authorized", "AUTHORIZED", "Moderate", "Coalfire"),
                        LocalDate.parse("2020-05-04")),
                "crashed-import",
                "crash");
        long before = eventCount();
        Http.Response completed = post(register, "2025-02-01T00:00:00Z", second, "application/json");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(201);
        // Only what was missing: R2's status change and the snapshot's own record.
        assertThat(eventCount() - before).isEqualTo(2);
        assertThat(completed.json().get("changes").get("LISTED").asInt()).isEqualTo(1);
        assertThat(completed.json().get("changes").get("STATUS").asInt()).isEqualTo(1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = 'hostile:R3'",
                        Long.class))
                .isEqualTo(1);
        JsonNode r2 = read("/api/registers/hostile/entries?q=R2", completed.header("X-Ledger-Position"))
                .get("items")
                .get(0);
        assertThat(r2.get("status").asText()).isEqualTo("FedRAMP Authorized");
        // An older snapshot than the latest: 409 naming it.
        Http.Response older = post(register, "2025-01-15T00:00:00Z", utf8(file(a)), "application/json");
        assertThat(older.status()).isEqualTo(409);
        assertThat(older.json().get("latestPublishedAt").asText()).isEqualTo("2025-02-01T00:00:00Z");
        // Changes, findings and snapshots read back.
        JsonNode changes = http.get("/api/registers/hostile/changes?from=2025-01-01&to=2025-12-31")
                .json();
        assertThat(changes.get("items"))
                .extracting(i -> i.get("entryId").asText() + " " + i.get("kind").asText())
                .contains("R2 STATUS", "R1 LISTED");
        Http.Response csv = http.at("/api/registers/hostile/changes?from=2025-02-01")
                .header("Accept", "text/csv")
                .send();
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("entryId,kind,").contains("R2,STATUS,FedRAMP In Process,FedRAMP Authorized");
        JsonNode snapshots = http.get("/api/registers/hostile/snapshots").json();
        assertThat(snapshots.get("items").get(0).get("publishedAt").asText()).isEqualTo("2025-02-01T00:00:00Z");
        List<String> registers = http.get("/api/registers").json().findValuesAsText("id");
        assertThat(registers).contains("fedramp", "hds", "secnumcloud", "hostile");
    }
}
