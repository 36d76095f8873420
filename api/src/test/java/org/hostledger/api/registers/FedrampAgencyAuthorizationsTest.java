package org.hostledger.api.registers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * FedRAMP's agency authorizations as hosting decisions, on real snapshots: the Marketplace of 2025-04-01 (Box
 * Enterprise Cloud Content Collaboration Platform, package F1212191840A, newly Authorized on 2025-03-25 with 41
 * agencies, the Department of Veterans Affairs' ATO dated 2022-08-29 in the file's AtoMapping) and of 2025-06-01 (the
 * Federal Student Aid and the Justice Management Division no longer listed for it); then two snapshots derived from
 * the second (the product back to In Process, then gone). Imported into the tests' register {@code fedramp-decisions},
 * so that the series of {@code fedramp} (the acceptance test) is not disturbed.
 */
class FedrampAgencyAuthorizationsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String REGISTER = "fedramp-decisions";
    private static final String PACKAGE = "F1212191840A";
    private static final String SYSTEM = "Box Enterprise Cloud Content Collaboration Platform";
    private static final String HOST = "box-inc";
    private static final String VA = "Department of Veterans Affairs";
    private static final String FSA = "Federal Student Aid";

    @Test
    void eachAgencyAuthorizationIsADecisionWhoseComplianceIsTheProductsStage() throws Exception {
        SharedRegisters.Published april = snapshot("2025-04-01");
        SharedRegisters.Published june = snapshot("2025-06-01");

        // For speed, each real file keeps Box's product and the first 20 others (the rest of the file as published).
        byte[] aprilFile = trimmed(april.bytes());
        byte[] juneFile = trimmed(june.bytes());
        JsonNode first = imported(aprilFile, april.publishedAt());
        assertThat(first.get("changes").get("AUTHORIZATION_RECORDED").asInt()).isGreaterThanOrEqualTo(41);

        // Every agency of the product is a decision: controller = the agency, host = the provider, system = the
        // offering; the register's ATO date when it gives one, else the publication of the first snapshot.
        Map<String, JsonNode> decisions = decisions("2025-04-01", null);
        assertThat(decisions).hasSize(41);
        JsonNode va = decisions.get(VA);
        assertThat(va.get("host").get("id").asText()).isEqualTo(HOST);
        assertThat(va.get("host").get("name").asText()).isEqualTo("Box Inc.");
        assertThat(va.get("system").asText()).isEqualTo(SYSTEM);
        assertThat(va.get("decidedOn").asText()).isEqualTo("2022-08-29");
        assertThat(va.get("activities")).isEmpty();
        assertThat(va.get("sources").get(0).get("title").asText())
                .contains(first.get("sha256").asText());
        JsonNode fsa = decisions.get(FSA);
        assertThat(fsa.get("decidedOn").asText()).isEqualTo("2025-04-01");
        // The Marketplace publishes no country: the provider's exposure is unknown, neither EU nor NON_EU.
        assertThat(va.get("exposure").asText()).isEqualTo("UNKNOWN");
        JsonNode host = http.get("/api/hosts/" + HOST).json();
        assertThat(host.get("exposure").asText()).isEqualTo("UNKNOWN");
        assertThat(host.hasNonNull("country")).isFalse();

        // Compliance is the product's stage: Authorized on 2025-04-01 (since 2025-03-25), not yet in 2022.
        String vaId = va.get("id").asText();
        JsonNode vaNow = decision(vaId, "2025-04-01", null);
        assertThat(vaNow.get("compliance").get("asOf").asText()).isEqualTo("COVERED");
        assertThat(vaNow.get("compliance").get("atDecision").asText()).isEqualTo("NOT_CERTIFIED");
        assertThat(ids(http.get("/api/decisions?hostId=" + HOST + "&compliance=COVERED&asOf=2025-04-01&size=200")
                        .json()))
                .contains(vaId);

        // An agency that disappears ends its decision from that snapshot's date, citing it.
        JsonNode second = imported(juneFile, june.publishedAt());
        assertThat(second.get("changes").get("AUTHORIZATION_ENDED").asInt()).isGreaterThanOrEqualTo(2);
        String fsaId = fsa.get("id").asText();
        assertThat(decision(fsaId, "2025-05-31", null).get("status").asText()).isEqualTo("ACTIVE");
        JsonNode fsaEnded = decision(fsaId, "2025-06-01", null);
        assertThat(fsaEnded.get("status").asText()).isEqualTo("ENDED");
        assertThat(fsaEnded.get("ending").get("effectiveOn").asText()).isEqualTo("2025-06-01");
        assertThat(fsaEnded.get("ending").get("reason").asText())
                .contains(second.get("sha256").asText(), PACKAGE);
        assertThat(decisions("2025-06-01", null)).hasSize(40).doesNotContainKeys(FSA, "Justice Management Division");
        Instant juneRecorded = Instant.parse(second.get("recordedAt").asText());

        // The product back to In Process (a snapshot derived from June's): its decisions no longer comply...
        JsonNode inProcess = imported(
                derived(juneFile, p -> ((ObjectNode) p).put("status", "FedRAMP In Process")),
                Instant.parse("2025-06-15T08:00:00Z"));
        assertThat(inProcess.get("changes").get("STATUS").asInt()).isEqualTo(1);
        assertThat(decision(vaId, "2025-06-15", null)
                        .get("compliance")
                        .get("asOf")
                        .asText())
                .isEqualTo("NOT_CERTIFIED");
        assertThat(decision(vaId, "2025-06-14", null)
                        .get("compliance")
                        .get("asOf")
                        .asText())
                .isEqualTo("COVERED");
        // ...but as known before that import, the same day still showed it Authorized.
        assertThat(decision(vaId, "2025-06-15", juneRecorded)
                        .get("compliance")
                        .get("asOf")
                        .asText())
                .isEqualTo("COVERED");
        Instant inProcessRecorded = Instant.parse(inProcess.get("recordedAt").asText());
        // A page of the map says each decision's compliance as the compliance filter's SQL selects it, before and
        // after the product's change of stage, now and as known before it.
        for (String on : List.of("2025-06-14", "2025-06-15")) {
            for (Instant knownAt : java.util.Arrays.asList(null, juneRecorded)) {
                String at = "&asOf=" + on + (knownAt == null ? "" : "&knownAt=" + knownAt);
                List<String> covered =
                        ids(http.get("/api/decisions?hostId=" + HOST + "&compliance=COVERED&size=200" + at)
                                .json());
                Map<String, JsonNode> page = decisions(on, knownAt);
                assertThat(page).hasSize(40);
                page.values()
                        .forEach(d -> assertThat(d.get("compliance").get("asOf").asText())
                                .as("%s on %s as known at %s", d.get("id").asText(), on, knownAt)
                                .isEqualTo(covered.contains(d.get("id").asText()) ? "COVERED" : "NOT_CERTIFIED"));
                assertThat(page.values().stream()
                                .filter(d -> covered.contains(d.get("id").asText()))
                                .count())
                        .isEqualTo(on.equals("2025-06-15") && knownAt == null ? 0 : 40);
            }
        }

        // The product gone from the register: every decision on it ends from that snapshot's date.
        JsonNode gone = imported(derived(juneFile, p -> null), Instant.parse("2025-07-01T08:00:00Z"));
        assertThat(gone.get("changes").get("DELISTED").asInt()).isEqualTo(1);
        assertThat(gone.get("changes").get("AUTHORIZATION_ENDED").asInt()).isEqualTo(40);
        JsonNode vaEnded = decision(vaId, "2025-07-01", null);
        assertThat(vaEnded.get("status").asText()).isEqualTo("ENDED");
        assertThat(vaEnded.get("ending").get("reason").asText()).contains("no longer listed");
        assertThat(decisions("2025-07-01", null)).isEmpty();
        assertThat(decisions("2025-07-01", inProcessRecorded)).hasSize(40);

        // A correction that gives the provider's country resolves its exposure; before it, still unknown.
        Instant beforeCorrection = Instant.now();
        Http.Response corrected = http.at("/api/hosts/" + HOST + "/corrections")
                .editor()
                .post("{\"country\":\"US\",\"reason\":\"Box, Inc. is incorporated in the United States\","
                        + "\"sources\":" + sources() + "}")
                .send();
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        String position = corrected.header("X-Ledger-Position");
        assertThat(read("/api/hosts/" + HOST, position).get("exposure").asText())
                .isEqualTo("NON_EU");
        assertThat(read("/api/decisions/" + vaId + "?asOf=2025-06-01", position)
                        .get("exposure")
                        .asText())
                .isEqualTo("NON_EU");
        assertThat(read("/api/hosts/" + HOST + "?knownAt=" + beforeCorrection, position)
                        .get("exposure")
                        .asText())
                .isEqualTo("UNKNOWN");
    }

    private static SharedRegisters.Published snapshot(String day) {
        return SharedRegisters.fedramp().stream()
                .filter(s -> s.publishedAt().toString().startsWith(day))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no shared FedRAMP snapshot of " + day));
    }

    private JsonNode imported(byte[] file, Instant publishedAt) {
        Http.Response response = http.at("/api/registers/" + REGISTER + "/snapshots?publishedAt=" + publishedAt)
                .timeout(java.time.Duration.ofMinutes(10))
                .editor()
                .postBytes(file, "application/json")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    /** The file with only the product and the first 20 others. */
    private static byte[] trimmed(byte[] file) throws Exception {
        JsonNode root = JSON.readTree(file);
        ArrayNode products = (ArrayNode) root.path("data").path("Products");
        ArrayNode kept = JSON.createArrayNode();
        for (int i = 0; i < products.size(); i++) {
            if (i < 20 || PACKAGE.equals(products.get(i).path("id").asText())) {
                kept.add(products.get(i));
            }
        }
        ((ObjectNode) root.path("data")).set("Products", kept);
        return JSON.writeValueAsBytes(root);
    }

    /** The file with the product replaced by what {@code change} makes of it (null: removed). */
    private static byte[] derived(byte[] file, java.util.function.UnaryOperator<JsonNode> change) throws Exception {
        JsonNode root = JSON.readTree(file);
        ArrayNode products = (ArrayNode) root.path("data").path("Products");
        for (int i = 0; i < products.size(); i++) {
            if (PACKAGE.equals(products.get(i).path("id").asText())) {
                JsonNode changed = change.apply(products.get(i).deepCopy());
                if (changed == null) {
                    products.remove(i);
                } else {
                    products.set(i, changed);
                }
                return JSON.writeValueAsBytes(root);
            }
        }
        throw new AssertionError(PACKAGE + " is not in the file");
    }

    /** The product's decisions in force on {@code asOf}, by agency. */
    private Map<String, JsonNode> decisions(String asOf, Instant knownAt) {
        Map<String, JsonNode> byAgency = new HashMap<>();
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = http.get("/api/decisions?hostId=" + HOST + "&asOf=" + asOf
                            + (knownAt == null ? "" : "&knownAt=" + knownAt) + "&size=200&page=" + page)
                    .json()
                    .get("items");
            items.forEach(all::add);
            if (items.size() < 200) {
                break;
            }
        }
        for (JsonNode d : all) {
            if (SYSTEM.equals(d.get("system").asText())
                    && !"ENDED".equals(d.get("status").asText())
                    && d.get("id").asText().startsWith(REGISTER + "-")) {
                assertThat(byAgency.put(d.get("controller").asText(), d))
                        .as("one decision per agency")
                        .isNull();
            }
        }
        return byAgency;
    }

    private JsonNode decision(String id, String asOf, Instant knownAt) {
        Http.Response response = http.get("/api/decisions/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "?asOf="
                + asOf + (knownAt == null ? "" : "&knownAt=" + knownAt));
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }
}
