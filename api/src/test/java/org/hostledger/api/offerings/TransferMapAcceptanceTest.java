package org.hostledger.api.offerings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.registers.SharedRegisters;
import org.junit.jupiter.api.Test;

/**
 * Issue 19's acceptance, on OVHcloud's published transfer map: 18 offerings; a decision on "Relational Database" is
 * NON_EU for activities 1–6 because of Aiven OY and EU for 1–3; "Public Cloud Instances" for activity 5 shows the
 * gap; a later map without the subcontractor changes the exposure from its date, and knownAt before that import still
 * shows the old answer.
 */
class TransferMapAcceptanceTest extends IntegrationTest {

    private static final String MAPS = "/api/registers/maps-test/snapshots?publishedAt=";

    private static byte[] ovhMap() throws Exception {
        return Files.readAllBytes(SharedRegisters.root().resolve("hds-transfer-maps/ovhcloud-2024-05-14.csv"));
    }

    private String decideOn(String id, String offering, String activities) {
        String body = "{\"id\":\"" + id + "\",\"controller\":\"CHU " + id + "\",\"system\":\"DPI\","
                + "\"hostId\":\"ovhcloud\",\"offeringId\":\"" + offering + "\",\"activities\":" + activities
                + ",\"decidedOn\":\"2024-06-01\",\"procurement\":\"PUBLIC_TENDER\",\"rationale\":\"Managed database\","
                + "\"sources\":" + sources() + "}";
        Http.Response response = http.at("/api/decisions").editor().post(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("X-Ledger-Position");
    }

    private static List<String> texts(JsonNode reasons) {
        List<String> texts = new ArrayList<>();
        reasons.forEach(
                r -> texts.add(r.get("kind").asText() + ": " + r.get("text").asText()));
        return texts;
    }

    @Test
    void theOvhcloudMapDrivesExposureAndComplianceOfDecisions() throws Exception {
        registerHost("ovhcloud", "FR", null, null);
        grant("ovhcloud-hds", "ovhcloud", "[1,2,3,4,5,6]", "2024-01-01", "2026-12-31");
        Http.Response imported = http.at(MAPS + "2024-05-14T00:00:00Z")
                .editor()
                .postBytes(ovhMap(), "text/csv")
                .send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        JsonNode answer = imported.json();
        assertThat(answer.get("entries").asInt()).isEqualTo(18);
        assertThat(answer.get("changes").get("OFFERING_ADDED").asInt()).isEqualTo(18);
        String position = imported.header("X-Ledger-Position");

        JsonNode offerings = read("/api/hosts/ovhcloud/offerings?asOf=2024-06-01", position);
        assertThat(offerings.get("items")).hasSize(18);
        JsonNode database = read("/api/offerings/ovhcloud-relational-database?asOf=2024-06-01", position);
        assertThat(database.get("name").asText()).isEqualTo("Relational Database");
        assertThat(database.get("since").asText()).isEqualTo("2024-05-14");
        JsonNode chain = database.get("chain");
        assertThat(chain).hasSize(2);
        assertThat(chain.get(0).get("actor").asText()).isEqualTo("OVHcloud");
        assertThat(chain.get(0).get("hostId").asText()).isEqualTo("ovhcloud");
        JsonNode aiven = chain.get(1);
        assertThat(aiven.get("role").asText()).isEqualTo("SUBCONTRACTOR");
        assertThat(aiven.get("hds").asText()).isEqualTo("EXEMPTED");
        assertThat(aiven.get("exemptionGround").asText())
                .isEqualTo("under OVHcloud's control, verified in certification audits");
        assertThat(aiven.get("accessCountries").toString()).isEqualTo("[\"CA\",\"GB\"]");
        assertThat(aiven.get("accessGround").asText()).isEqualTo("ADEQUACY_DECISION");
        assertThat(aiven.get("exposureCountries").toString()).isEqualTo("[\"CA\",\"GB\"]");

        String all = id("rdb-all");
        String three = id("rdb-three");
        String instances = id("instances");
        decideOn(all, "ovhcloud-relational-database", "[1,2,3,4,5,6]");
        decideOn(three, "ovhcloud-relational-database", "[1,2,3]");
        String decided = decideOn(instances, "ovhcloud-public-cloud-instances", "[5]");

        JsonNode nonEu = read("/api/decisions/" + all + "?asOf=2024-06-01", decided);
        assertThat(nonEu.get("exposure").asText()).isEqualTo("NON_EU");
        assertThat(texts(nonEu.get("exposureReasons")))
                .containsExactly(
                        "ACCESS_UNDER_ADEQUACY: Aiven OY, subcontractor for activities 4–6: access from CA, GB under"
                                + " an adequacy decision",
                        "NON_EU_LAW: Aiven OY, subcontractor for activities 4–6: exposed to CA, GB law");
        assertThat(nonEu.get("compliance").get("asOf").asText()).isEqualTo("COVERED");
        assertThat(nonEu.get("chainGaps")).isEmpty();

        JsonNode eu = read("/api/decisions/" + three + "?asOf=2024-06-01", decided);
        assertThat(eu.get("exposure").asText()).isEqualTo("EU");
        assertThat(eu.get("exposureReasons")).isEmpty();

        JsonNode gap = read("/api/decisions/" + instances + "?asOf=2024-06-01", decided);
        assertThat(gap.get("exposure").asText()).isEqualTo("EU");
        assertThat(gap.get("compliance").get("asOf").asText()).isEqualTo("GAP");
        assertThat(gap.get("compliance").get("uncoveredActivities").toString()).isEqualTo("[5]");
        assertThat(gap.get("chainGaps")).hasSize(1);
        assertThat(gap.get("chainGaps").get(0).get("activity").asInt()).isEqualTo(5);
        assertThat(gap.get("chainGaps").get(0).get("reason").asText()).contains("activity 5 is not offered");

        // The exposure filter and the statistics follow the chain too.
        JsonNode exposed = read("/api/decisions?exposure=NON_EU&controller=CHU%20" + all + "&asOf=2024-06-01", decided);
        assertThat(ids(exposed)).containsExactly(all);
        JsonNode stats = read("/api/stats/sovereignty?asOf=2024-06-01", decided);
        assertThat(stats.get("byReason").get("accessUnderAdequacy").asLong()).isEqualTo(1);
        assertThat(stats.get("byReason").get("accessUnderSafeguards").asLong()).isZero();

        // The same map again records nothing.
        long events = eventCount();
        Http.Response again = http.at(MAPS + "2024-05-14T00:00:00Z")
                .editor()
                .postBytes(ovhMap(), "text/csv")
                .send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(eventCount()).isEqualTo(events);

        // What the ledger knew before the later map: the decisions above are recorded (their reads awaited them).
        String before = java.time.Instant.now().toString();

        // A later map in which Aiven OY no longer appears: six offerings change, from the map's date.
        String withoutAiven = new String(ovhMap(), StandardCharsets.UTF_8)
                .lines()
                .filter(line -> !line.contains(",Aiven OY,"))
                .collect(Collectors.joining("\n", "", "\n"));
        Http.Response later = http.at(MAPS + "2024-12-01T00:00:00Z")
                .editor()
                .postBytes(withoutAiven.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send();
        assertThat(later.status()).as(later.toString()).isEqualTo(201);
        assertThat(later.json().get("changes").get("CHAIN_CHANGED").asInt()).isEqualTo(6);
        assertThat(later.json().get("changes").has("OFFERING_ADDED")).isFalse();
        String laterAt = later.header("X-Ledger-Position");

        assertThat(read("/api/decisions/" + all + "?asOf=2025-01-01", laterAt)
                        .get("exposure")
                        .asText())
                .isEqualTo("EU");
        assertThat(read("/api/decisions/" + all + "?asOf=2024-11-30", laterAt)
                        .get("exposure")
                        .asText())
                .isEqualTo("NON_EU");
        JsonNode known = read("/api/decisions/" + all + "?asOf=2025-01-01&knownAt=" + before, laterAt);
        assertThat(known.get("exposure").asText()).isEqualTo("NON_EU");
        assertThat(texts(known.get("exposureReasons"))).hasSize(2);
        assertThat(read("/api/offerings/ovhcloud-relational-database?asOf=2025-01-01&knownAt=" + before, laterAt)
                        .get("chain"))
                .hasSize(2);
        assertThat(read("/api/offerings/ovhcloud-relational-database?asOf=2025-01-01", laterAt)
                        .get("chain"))
                .hasSize(1);
        assertThat(read("/api/stats/sovereignty?asOf=2025-01-01", laterAt)
                        .get("byReason")
                        .get("accessUnderAdequacy")
                        .asLong())
                .isZero();
    }
}
