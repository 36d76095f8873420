package org.hostledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

class AuditTrailTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void pagesWalkTheWholeTrailInGlobalOrderWithBothTimesActorAndSources() {
        registerHost(id("au"), "FR", null, null);
        long total = eventCount();
        List<Long> positions = new ArrayList<>();
        long after = 0;
        boolean wroteDuringPaging = false;
        while (true) {
            JsonNode page = http.at("/api/audit/events?limit=10&after=" + after)
                    .auditor()
                    .send()
                    .json();
            for (JsonNode event : page.get("events")) {
                positions.add(event.get("position").asLong());
                assertThat(event.get("recordedAt").asText()).isNotBlank();
                assertThat(event.get("effectiveOn").asText()).matches("\\d{4}-\\d{2}-\\d{2}");
                assertThat(event.get("actor").asText()).isNotBlank();
                assertThat(event.get("correlationId").asText()).isNotBlank();
                assertThat(event.get("sources").size()).isPositive();
                assertThat(event.get("payload").isObject()).isTrue();
            }
            if (!wroteDuringPaging) {
                // A write between two pages lands after the cursor: the next pages still see every event once.
                registerHost(id("au"), "FR", null, null);
                total++;
                wroteDuringPaging = true;
            }
            if (!page.hasNonNull("nextAfter")) {
                break;
            }
            after = page.get("nextAfter").asLong();
        }
        assertThat(positions).hasSize((int) total).doesNotHaveDuplicates().isSorted();
        assertThat(positions.get(0)).isEqualTo(1);
        assertThat(positions.get(positions.size() - 1)).isEqualTo(total);
    }

    @Test
    void theTrailFiltersByRecordTypeEventTypeActorAndRecordedTime() {
        String h = id("af");
        String c = id("af");
        registerHost(h, "FR", null, null);
        grant(c, h, "[1]", "2019-01-01", "2021-01-01");
        post(
                "/api/certifications/" + c + "/suspensions",
                "{\"effectiveOn\":\"2019-06-01\",\"reason\":\"audit\",\"sources\":" + sources() + "}");
        JsonNode byRecord =
                http.at("/api/audit/events?aggregateId=" + c).auditor().send().json();
        assertThat(byRecord.get("events").findValuesAsText("type"))
                .containsExactly("CertificationGranted", "CertificationSuspended");
        assertThat(byRecord.get("events").get(1).get("effectiveOn").asText()).isEqualTo("2019-06-01");
        assertThat(byRecord.get("events").get(1).get("aggregateType").asText()).isEqualTo("Certification");

        JsonNode suspensions = http.at("/api/audit/events?type=CertificationSuspended&limit=1000")
                .auditor()
                .send()
                .json();
        assertThat(suspensions.get("events").findValuesAsText("aggregateId")).contains(c);
        assertThat(suspensions.get("events").findValuesAsText("type")).containsOnly("CertificationSuspended");

        JsonNode demo = http.at("/api/audit/events?actor=hostledger-demo&limit=1000")
                .auditor()
                .send()
                .json();
        assertThat(demo.get("events")).hasSize(36);
        JsonNode hosts = http.at("/api/audit/events?aggregateType=Host&limit=1000")
                .auditor()
                .send()
                .json();
        assertThat(hosts.get("events").findValuesAsText("aggregateType")).containsOnly("Host");

        String grantedAt = byRecord.get("events").get(0).get("recordedAt").asText();
        String suspendedAt = byRecord.get("events").get(1).get("recordedAt").asText();
        JsonNode window = http.at("/api/audit/events?aggregateId=" + c + "&recordedFrom=" + grantedAt + "&recordedTo="
                        + suspendedAt)
                .auditor()
                .send()
                .json();
        assertThat(window.get("events").findValuesAsText("type")).containsExactly("CertificationGranted");
    }

    @Test
    void theJsonLinesExportParsesBackIntoAsManyEventsAsTheStoreHolds() throws Exception {
        Http.Response export = http.at("/api/audit/events")
                .auditor()
                .header("Accept", "application/x-ndjson")
                .send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        List<String> lines = export.body().lines().toList();
        Set<Long> positions = new HashSet<>();
        for (String line : lines) {
            positions.add(JSON.readTree(line).get("position").asLong());
        }
        long count = eventCount();
        assertThat(lines).hasSizeGreaterThanOrEqualTo((int) count);
        assertThat(positions).hasSize(lines.size());
        assertThat(JSON.readTree(lines.get(0)).get("payload").get("hostId").asText())
                .isEqualTo("microsoft");
    }

    @Test
    void theCsvExportHasAHeaderAndOneRowPerEvent() {
        long count = eventCount();
        Http.Response export = http.at("/api/audit/events?limit=" + count)
                .auditor()
                .header("Accept", "text/csv")
                .send();
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("text/csv");
        List<String> lines = export.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        "position,eventId,aggregateType,aggregateId,sequence,type,effectiveOn,recordedAt,actor,correlationId,"
                                + "sources,payload");
        assertThat(lines).hasSize((int) count + 1);
        assertThat(lines.get(1)).startsWith("1,").contains(",Host,microsoft,0,HostRegistered,2018-04-01,");
    }

    @Test
    void aCappedExportSaysItsLimitAndContinuesAfterTheLastPositionReceived() throws Exception {
        Http.Response first = http.at("/api/audit/events?limit=3")
                .auditor()
                .header("Accept", "application/x-ndjson")
                .send();
        assertThat(first.header("X-Export-Limit")).isEqualTo("3");
        List<String> lines = first.body().lines().toList();
        assertThat(lines).hasSize(3);
        long last = JSON.readTree(lines.get(2)).get("position").asLong();
        Http.Response next = http.at("/api/audit/events?limit=2&after=" + last)
                .auditor()
                .header("Accept", "application/x-ndjson")
                .send();
        assertThat(next.body().lines().map(line -> {
                    try {
                        return JSON.readTree(line).get("position").asLong();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }))
                .containsExactly(last + 1, last + 2);
        assertThat(http.at("/api/audit/events?limit=0")
                        .auditor()
                        .header("Accept", "text/csv")
                        .send()
                        .status())
                .isEqualTo(400);
    }

    @Test
    void eachRecordHasItsHistory() {
        JsonNode history =
                http.at("/api/decisions/hdh-azure/history").auditor().send().json();
        assertThat(history.get("events").findValuesAsText("type"))
                .startsWith("HostingDecisionRecorded")
                .contains("HostingDecisionChallenged", "MigrationPlanned");
        assertThat(http.at("/api/hosts/hdh-azure/history").auditor().send().status())
                .isEqualTo(404);
        assertThat(http.at("/api/certifications/nothing-here/history")
                        .auditor()
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.at("/api/hosts/ovh/history").auditor().send().json().get("events"))
                .hasSize(1);
    }

    @Test
    void theAuditTrailNeedsTheAuditorRole() {
        assertThat(http.get("/api/audit/events").status()).isEqualTo(401);
        assertThat(http.at("/api/audit/events").editor().send().status()).isEqualTo(403);
        assertThat(http.at("/api/audit/verify").editor().send().status()).isEqualTo(403);
        assertThat(http.at("/api/decisions/hdh-azure/history").send().status()).isEqualTo(401);
        assertThat(http.at("/api/audit/events").admin().send().status()).isEqualTo(200);
    }

    @Test
    void badAuditParametersAre400() {
        for (String query : List.of(
                "limit=0",
                "limit=5000",
                "after=-1",
                "aggregateType=Planet",
                "type=drop%20table",
                "recordedFrom=yesterday",
                "recordedFrom=2021-01-02T00:00:00Z&recordedTo=2021-01-01T00:00:00Z",
                "aggregateId=../../etc")) {
            Http.Response response =
                    http.at("/api/audit/events?" + query).auditor().send();
            assertThat(response.status()).as(query).isEqualTo(400);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anUntouchedStoreVerifiesIntact() {
        JsonNode verdict = http.at("/api/audit/verify").auditor().send().json();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("checked").asLong())
                .isEqualTo(verdict.get("headPosition").asLong());
        assertThat(verdict.get("headHash").asText()).hasSize(64);
        assertThat(verdict.has("firstBrokenPosition")).isFalse();
    }
}
