package org.hostledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

class DemoHistoryTest extends IntegrationTest {

    @Autowired
    DemoHistoryLoader loader;

    @Test
    void theHealthDataHubIsOnMicrosoftAzureBoughtCentrallyWithGroupeOpenAndExposedToNonEuLaw() {
        JsonNode hdh = read("/api/decisions/hdh-azure", "36");
        assertThat(hdh.get("host").get("id").asText()).isEqualTo("microsoft");
        assertThat(hdh.get("host").get("parentCountry").asText()).isEqualTo("US");
        assertThat(hdh.get("procurement").asText()).isEqualTo("CENTRAL_PURCHASING");
        assertThat(hdh.get("contractor").asText()).isEqualTo("Groupe Open");
        assertThat(hdh.get("rationale").asText())
                .contains("no dedicated public tender")
                .contains("UGAP");
        assertThat(hdh.get("exposure").asText()).isEqualTo("NON_EU");
        assertThat(hdh.get("status").asText()).isEqualTo("MIGRATING");
        List<String> challengeDates = hdh.get("challenges").findValuesAsText("effectiveOn");
        assertThat(challengeDates).contains("2020-05-27", "2020-10-13");
        assertThat(hdh.get("challenges").get(0).get("by").asText()).contains("Morin-Desailly");
        assertThat(hdh.get("migrationPlans").findValuesAsText("effectiveOn"))
                .containsExactly("2020-11-19", "2026-02-09");
        assertThat(hdh.get("sources").findValuesAsText("title")).isNotEmpty();
    }

    @Test
    void theHostingMapListsBothDecisionsWithTheirExposure() {
        // The test store is shared with register imports (thousands of decisions, some on the demo's own hosts,
        // whose ids sort first): each demo decision is looked for by its id.
        List<JsonNode> items = new ArrayList<>();
        for (String id : List.of("hdh-azure", "stopcovid-outscale")) {
            read("/api/decisions?size=200&q=" + id, "36").get("items").forEach(items::add);
        }
        List<String> ids = new ArrayList<>();
        items.forEach(item -> ids.add(item.get("id").asText()));
        assertThat(ids).contains("hdh-azure", "stopcovid-outscale");
        for (JsonNode item : items) {
            if (item.get("id").asText().equals("stopcovid-outscale")) {
                assertThat(item.get("exposure").asText()).isEqualTo("EU");
                assertThat(item.get("host").get("name").asText()).isEqualTo("3DS Outscale");
                assertThat(item.get("procurement").asText()).isEqualTo("NO_TENDER");
            }
            if (item.get("id").asText().equals("hdh-azure")) {
                assertThat(item.get("exposure").asText()).isEqualTo("NON_EU");
                assertThat(item.get("procurement").asText()).isEqualTo("CENTRAL_PURCHASING");
                assertThat(item.get("contractor").asText()).isEqualTo("Groupe Open");
                assertThat(item.get("challenges").size()).isGreaterThanOrEqualTo(2);
                assertThat(item.get("migrationPlans").size()).isEqualTo(2);
            }
        }
    }

    @Test
    void theDemoHasSevenHostsAndTheFrenchOnesHoldAllSixActivitiesSince2018() {
        JsonNode hosts = read("/api/hosts?asOf=2018-12-31&size=200", "36");
        List<String> ids = ids(hosts);
        assertThat(ids)
                .contains("microsoft", "ovh", "bretagne-telecom", "asp-serveur", "cheops", "oodrive", "outscale");
        JsonNode ovh = read("/api/certifications/ovh-hds?asOf=2018-12-31", "36");
        assertThat(ovh.get("activities").toString()).isEqualTo("[1,2,3,4,5,6]");
        assertThat(ovh.get("status").asText()).isEqualTo("VALID");
        assertThat(ovh.get("validFrom").asText()).startsWith("2018");
    }

    @Test
    void everyDemoEventWasRecordedAsTheDemoActorWithSources() {
        List<byte[]> metadata =
                jdbc.queryForList("SELECT meta_data FROM domain_event_entry WHERE global_index <= 36", byte[].class);
        assertThat(metadata).hasSize(36).allSatisfy(m -> assertThat(new String(m))
                .contains("\"actor\":\"hostledger-demo\""));
        List<byte[]> payloads =
                jdbc.queryForList("SELECT payload FROM domain_event_entry WHERE global_index <= 36", byte[].class);
        assertThat(payloads).allSatisfy(p -> assertThat(new String(p)).contains("\"sources\":[{\"title\""));
    }

    @Test
    void theDemoHistoryIsNotLoadedTwice() throws Exception {
        long before = eventCount();
        loader.run(new DefaultApplicationArguments());
        assertThat(eventCount()).isEqualTo(before);
    }
}
