package org.hostledger.api.registers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The register CSV: the shared HDS sample (the ANS list's columns, {@code ;}) and a hand-made SecNumCloud list
 * ({@code ,}, quoted fields, French dates, a byte-order mark). Entries complete enough record their host and grant
 * their certificate with the ordinary commands, so HDS compliance of decisions on those hosts works as before.
 */
class RegisterCsvImportTest extends IntegrationTest {

    private Map<String, JsonNode> entries(String register, String position) {
        Map<String, JsonNode> byId = new HashMap<>();
        read("/api/registers/" + register + "/entries?size=200", position)
                .get("items")
                .forEach(e -> byId.put(e.get("entryId").asText(), e));
        return byId;
    }

    @Test
    void theHdsSampleImportsAndADecisionOnAnImportedHostIsCovered() throws Exception {
        byte[] sample = Files.readAllBytes(SharedRegisters.root().resolve("hds/hds-sample.csv"));
        Http.Response response = http.at("/api/registers/hds-test/snapshots?publishedAt=2026-01-15T08:00:00Z")
                .editor()
                .postBytes(sample, "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        JsonNode answer = response.json();
        assertThat(answer.get("entries").asInt()).isEqualTo(2);
        assertThat(answer.get("changes").get("LISTED").asInt()).isEqualTo(2);
        assertThat(answer.get("changes").get("CERTIFICATION_GRANTED").asInt()).isEqualTo(1);
        // Scalingo's row gives no start of validity: listed, but no certificate is granted on a guess.
        assertThat(answer.get("findings").asInt()).isEqualTo(1);
        String position = response.header("X-Ledger-Position");

        Map<String, JsonNode> entries = entries("hds-test", position);
        JsonNode clever = entries.get("clever-cloud-hds");
        assertThat(clever.get("name").asText()).isEqualTo("Clever Cloud");
        assertThat(clever.get("stage").asText()).isEqualTo("CERTIFIED");
        assertThat(clever.get("level").asText()).isEqualTo("1,2,3,4,5,6");
        assertThat(clever.get("assessor").asText()).isEqualTo("Bureau Veritas Certification");
        assertThat(clever.get("certificationId").asText()).isEqualTo("hds-test-clever-cloud-hds");
        String hostId = clever.get("hostId").asText();
        JsonNode scalingo = entries.get("scalingo-hds");
        assertThat(scalingo.get("listed").asBoolean()).isTrue();
        assertThat(scalingo.has("certificationId")).isFalse();
        JsonNode findings = http.get("/api/registers/hds-test/findings").json().get("items");
        assertThat(findings.get(0).get("kind").asText()).isEqualTo("INCOMPLETE_CERTIFICATE");
        assertThat(findings.get(0).get("where").asText()).isEqualTo("line 3");
        assertThat(findings.get(0).get("raw").asText()).contains("valid_from");

        JsonNode certificate = read("/api/certifications/hds-test-clever-cloud-hds", position);
        assertThat(certificate.get("validFrom").asText()).isEqualTo("2024-12-20");
        assertThat(certificate.get("hostId").asText()).isEqualTo(hostId);

        String decision = id("on-imported");
        String decided = decide(decision, hostId, "[1,2,3,4,5,6]", "2025-06-01");
        JsonNode view = read("/api/decisions/" + decision + "?asOf=2025-06-01", decided);
        assertThat(view.get("compliance").get("atDecision").asText()).isEqualTo("COVERED");
        // Before the certificate's validity, the same host was not certified.
        String early = id("before-cert");
        String earlyAt = decide(early, hostId, "[1,2,3,4,5,6]", "2024-12-01");
        assertThat(read("/api/decisions/" + early + "?asOf=2024-12-01", earlyAt)
                        .get("compliance")
                        .get("atDecision")
                        .asText())
                .isEqualTo("NOT_CERTIFIED");

        // The same file again records nothing.
        long before = eventCount();
        Http.Response again = http.at("/api/registers/hds-test/snapshots?publishedAt=2026-01-15T08:00:00Z")
                .editor()
                .postBytes(sample, "text/csv")
                .send();
        assertThat(again.status()).isEqualTo(200);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aHandMadeSecNumCloudListImportsWithItsQuotingDatesAndMark() throws Exception {
        byte[] list = getClass()
                .getResourceAsStream("/registers/secnumcloud-test.csv")
                .readAllBytes();
        Http.Response response = http.at("/api/registers/snc-test/snapshots?publishedAt=2025-01-10T00:00:00Z")
                .editor()
                .postBytes(list, "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.json().get("entries").asInt()).isEqualTo(3);
        assertThat(response.json().get("changes").get("CERTIFICATION_GRANTED").asInt())
                .isEqualTo(2);
        String position = response.header("X-Ledger-Position");
        Map<String, JsonNode> entries = entries("snc-test", position);
        assertThat(entries.get("snc-beta-paas").get("name").asText()).isEqualTo("Beta Cloud, SAS");
        assertThat(entries.get("snc-beta-paas").get("provider").asText()).isEqualTo("Beta Holding");
        assertThat(entries.get("snc-gamma").has("hostId")).isFalse();
        JsonNode beta = read("/api/certifications/snc-test-snc-beta-paas", position);
        assertThat(beta.get("scheme").asText()).isEqualTo("SECNUMCLOUD");
        assertThat(beta.get("validFrom").asText()).isEqualTo("2023-06-15");
        JsonNode host =
                read("/api/hosts/" + entries.get("snc-beta-paas").get("hostId").asText(), position);
        assertThat(host.get("exposure").asText()).isEqualTo("NON_EU");
        JsonNode findings = http.get("/api/registers/snc-test/findings").json().get("items");
        assertThat(findings)
                .extracting(f -> f.get("kind").asText())
                .containsExactlyInAnyOrder("UNKNOWN_COUNTRY", "INCOMPLETE_CERTIFICATE");
        Http.Response csv = http.at("/api/registers/snc-test/entries")
                .header("Accept", "text/csv")
                .send();
        assertThat(csv.body())
                .startsWith("entryId,certificationId,hostId,name,")
                .contains("snc-beta-paas,snc-test-snc-beta-paas,");
    }
}
