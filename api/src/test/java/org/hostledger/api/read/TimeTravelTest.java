package org.hostledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * History entered out of order — the facts of 2021 recorded before those of 2019, then a correction — read back for
 * any effective date ({@code asOf}) and any recorded instant ({@code knownAt}), over the hosting map, the registry and
 * compliance.
 */
class TimeTravelTest extends IntegrationTest {

    @Test
    void asOfAndKnownAtAnswerIndependentlyAndTogether() {
        String h = id("th");
        String late = id("td");
        String early = id("td");
        String c2021 = id("tc");
        String c2019 = id("tc");

        Instant beforeAnything = Instant.now();
        registerHost(h, "FR", null, null);
        grant(c2021, h, "[1,2,3,4,5,6]", "2021-03-01", "2024-03-01");
        decide(late, h, "[1,2,3]", "2021-06-01");
        Instant knowing2021 = Instant.now();
        grant(c2019, h, "[1,2]", "2019-01-01", "2022-01-01");
        decide(early, h, "[1,2,3]", "2019-06-01");
        Instant knowing2019 = Instant.now();
        Http.Response correction = post(
                "/api/decisions/" + early + "/corrections",
                "{\"decidedOn\":\"2019-05-01\",\"procurement\":\"NO_TENDER\",\"reason\":\"the minutes say May\","
                        + "\"sources\":" + sources() + "}");
        assertThat(correction.status()).isEqualTo(201);
        String position = correction.header("X-Ledger-Position");

        // Before the first event: nothing of this history.
        assertThat(ids(read(decisions(h, "2021-07-01", beforeAnything), position)))
                .isEmpty();
        assertThat(http.get("/api/hosts/" + h + "?knownAt=" + beforeAnything).status())
                .isEqualTo(404);
        assertThat(read(certifications(h, "2021-07-01", beforeAnything), position)
                        .get("totalItems")
                        .asInt())
                .isZero();

        // Knowing only the 2021 facts: 2019 looks empty, 2021 is covered.
        assertThat(ids(read(decisions(h, "2019-07-01", knowing2021), position))).isEmpty();
        assertThat(read(certifications(h, "2019-07-01", knowing2021), position)
                        .get("totalItems")
                        .asInt())
                .isZero();
        JsonNode in2021 = read(decisions(h, "2021-07-01", knowing2021), position);
        assertThat(ids(in2021)).containsExactly(late);
        assertThat(in2021.get("items").get(0).get("compliance").get("asOf").asText())
                .isEqualTo("COVERED");
        assertThat(alertedDecisions("2019-07-01", knowing2021, position)).doesNotContain(early);

        // Once the 2019 facts are recorded, 2019 shows them; a gap appears for activity 3.
        JsonNode in2019 = read(decisions(h, "2019-07-01", knowing2019), position);
        assertThat(ids(in2019)).containsExactly(early);
        JsonNode early2019 = in2019.get("items").get(0);
        assertThat(early2019.get("compliance").get("asOf").asText()).isEqualTo("GAP");
        assertThat(early2019.get("compliance").get("uncoveredActivities").toString())
                .isEqualTo("[3]");
        assertThat(early2019.get("procurement").asText()).isEqualTo("PUBLIC_TENDER");
        assertThat(ids(read(certifications(h, "2019-07-01", knowing2019), position)))
                .containsExactly(c2019);
        assertThat(alertedDecisions("2019-07-01", knowing2019, position)).contains(early);
        // The later decision was taken under the 2021 certificate, which covers all six activities.
        JsonNode lateNow = read("/api/decisions/" + late + "?asOf=2021-07-01", position);
        assertThat(lateNow.get("compliance").get("atDecision").asText()).isEqualTo("COVERED");

        // Between the original and its correction: the original facts; after it, the corrected ones.
        assertThat(ids(read(decisions(h, "2019-05-15", knowing2019), position))).isEmpty();
        JsonNode corrected = read("/api/decisions/" + early + "?asOf=2019-05-15", position);
        assertThat(corrected.get("decidedOn").asText()).isEqualTo("2019-05-01");
        assertThat(corrected.get("procurement").asText()).isEqualTo("NO_TENDER");
        assertThat(corrected.get("corrections").get(0).get("reason").asText()).isEqualTo("the minutes say May");
        JsonNode original = read("/api/decisions/" + early + "?asOf=2019-07-01&knownAt=" + knowing2019, position);
        assertThat(original.get("decidedOn").asText()).isEqualTo("2019-06-01");
        assertThat(original.get("corrections")).isEmpty();

        // knownAt alone reads the world of that instant's day as known then.
        JsonNode knownAtAlone = read("/api/decisions?hostId=" + h + "&knownAt=" + knowing2019, position);
        assertThat(ids(knownAtAlone)).containsExactlyInAnyOrder(early, late);
    }

    private static String decisions(String host, String asOf, Instant knownAt) {
        return "/api/decisions?hostId=" + host + "&asOf=" + asOf + "&knownAt=" + knownAt;
    }

    private static String certifications(String host, String asOf, Instant knownAt) {
        return "/api/certifications?hostId=" + host + "&asOf=" + asOf + "&knownAt=" + knownAt;
    }

    private java.util.List<String> alertedDecisions(String asOf, Instant knownAt, String position) {
        return read("/api/compliance/alerts?asOf=" + asOf + "&knownAt=" + knownAt, position)
                .get("gaps")
                .findValuesAsText("decisionId");
    }
}
