package org.hostledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The public reads: paging, filters, their fields, CSV, and 400 for bad parameters. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReadApiTest extends IntegrationTest {

    private String host;
    private String usHost;
    private String cert;
    private String decision;
    private String position;

    @BeforeAll
    void records() {
        http = new Http(port);
        host = id("rh");
        usHost = id("ru");
        cert = id("rc");
        decision = id("rd");
        registerHost(host, "FR", null, null);
        registerHost(usHost, "IE", "Big Cloud Inc", "US");
        grant(cert, host, "[1,2]", "2019-01-01", "2022-01-01");
        decide(decision, host, "[1,2,5]", "2020-01-01");
        position = decide(id("rd"), usHost, "[3]", "2020-01-01");
    }

    @Test
    void aReadReflectsAWriteWithinABoundedWaitWithoutSleeping() {
        String id = id("fresh");
        String written = registerHost(id, "FR", null, null);
        JsonNode host = read("/api/hosts/" + id, written);
        assertThat(host.get("name").asText()).isEqualTo("Host " + id);
    }

    @Test
    void decisionsFilterByHostStatusExposureAndCompliance() {
        JsonNode byHost = read("/api/decisions?hostId=" + host + "&asOf=2020-06-01", position);
        assertThat(byHost.get("totalItems").asInt()).isEqualTo(1);
        JsonNode row = byHost.get("items").get(0);
        assertThat(row.get("id").asText()).isEqualTo(decision);
        assertThat(row.get("compliance").get("asOf").asText()).isEqualTo("GAP");
        assertThat(row.get("compliance").get("uncoveredActivities").toString()).isEqualTo("[5]");
        assertThat(row.get("exposure").asText()).isEqualTo("EU");

        JsonNode gaps = read("/api/decisions?compliance=GAP&hostId=" + host + "&asOf=2020-06-01", position);
        assertThat(ids(gaps)).containsExactly(decision);
        JsonNode covered = read("/api/decisions?compliance=COVERED&hostId=" + host + "&asOf=2020-06-01", position);
        assertThat(covered.get("totalItems").asInt()).isZero();

        JsonNode nonEu = read("/api/decisions?exposure=NON_EU&hostId=" + usHost, position);
        assertThat(nonEu.get("totalItems").asInt()).isEqualTo(1);
        assertThat(nonEu.get("items").get(0).get("compliance").get("asOf").asText())
                .isEqualTo("NOT_CERTIFIED");

        JsonNode active = read("/api/decisions?status=ACTIVE&hostId=" + host, position);
        assertThat(active.get("totalItems").asInt()).isEqualTo(1);
        JsonNode ended = read("/api/decisions?status=ENDED&hostId=" + host, position);
        assertThat(ended.get("totalItems").asInt()).isZero();
    }

    @Test
    void listsArePaged() {
        JsonNode first = read("/api/hosts?size=2&page=0", position);
        JsonNode second = read("/api/hosts?size=2&page=1", position);
        assertThat(first.get("items").size()).isEqualTo(2);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("totalItems").asLong()).isGreaterThanOrEqualTo(9);
        assertThat(ids(first)).doesNotContainAnyElementsOf(ids(second));
    }

    @Test
    void theHostingMapAlsoReadsByKeysetWithoutATotal() {
        JsonNode all = read("/api/decisions?size=200&asOf=2020-06-01", position);
        List<String> expected = ids(all);
        assertThat(expected).contains(decision).hasSizeGreaterThanOrEqualTo(2);
        List<String> walked = new java.util.ArrayList<>();
        String after = "";
        int reads = 0;
        while (after != null && reads++ <= expected.size()) {
            JsonNode slice = read("/api/decisions?size=1&asOf=2020-06-01&after=" + after, position);
            assertThat(slice.has("totalItems")).isFalse();
            assertThat(slice.get("size").asInt()).isEqualTo(1);
            walked.addAll(ids(slice));
            after = slice.hasNonNull("nextAfter") ? slice.get("nextAfter").asText() : null;
        }
        assertThat(walked).isEqualTo(expected);
        // The filters are the paged read's.
        JsonNode byHost = read("/api/decisions?hostId=" + host + "&asOf=2020-06-01&after=", position);
        assertThat(ids(byHost)).containsExactly(decision);
        assertThat(byHost.hasNonNull("nextAfter")).as("nothing follows").isFalse();
        assertThat(ids(read("/api/decisions?hostId=" + host + "&asOf=2020-06-01&after=" + decision, position)))
                .isEmpty();

        Http.Response both = http.get("/api/decisions?after=&page=1");
        assertThat(both.status()).isEqualTo(400);
        assertThat(both.contentType()).startsWith("application/problem+json");
        assertThat(both.body()).contains("page and after");
        Http.Response badCursor = http.get("/api/decisions?after=not%20an%20id");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.body()).contains("after");
    }

    @Test
    void certificationsFilterByHostActivityAndStatusWithTheOfficialListsFields() {
        JsonNode page = read("/api/certifications?hostId=" + host + "&activity=2&asOf=2020-01-01", position);
        assertThat(page.get("totalItems").asInt()).isEqualTo(1);
        JsonNode c = page.get("items").get(0);
        assertThat(c.get("certifier").asText()).isEqualTo("AFNOR Certification");
        assertThat(c.get("activityFlags").get("a1").asBoolean()).isTrue();
        assertThat(c.get("activityFlags").get("a3").asBoolean()).isFalse();
        assertThat(c.get("kind").asText()).isEqualTo("PHYSICAL_INFRASTRUCTURE");
        assertThat(c.get("referential").asText()).isEqualTo("v1");
        assertThat(c.get("status").asText()).isEqualTo("VALID");
        assertThat(read("/api/certifications?hostId=" + host + "&activity=3", position)
                        .get("totalItems")
                        .asInt())
                .isZero();
        JsonNode expired = read("/api/certifications?hostId=" + host + "&status=EXPIRED&asOf=2023-01-01", position);
        assertThat(ids(expired)).containsExactly(cert);
    }

    @Test
    void certificationsAlsoComeAsCsvWithOneColumnPerActivity() {
        Http.Response csv = http.at("/api/certifications?hostId=" + host + "&asOf=2020-01-01&awaitPosition=" + position)
                .header("Accept", "text/csv")
                .send();
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0))
                .isEqualTo("id,hostId,hostName,scheme,certifier,validFrom,validUntil,activity1,"
                        + "activity2,activity3,activity4,activity5,activity6,kind,referential,status");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith(cert + "," + host + ",")
                .contains(",X,X,,,,,PHYSICAL_INFRASTRUCTURE,v1,VALID");
    }

    @Test
    void anUnknownRecordIs404() {
        for (String path : List.of("/api/hosts/nobody", "/api/certifications/nothing", "/api/decisions/nowhere")) {
            Http.Response response = http.get(path);
            assertThat(response.status()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void aSingleReadOfThePresentCarriesTheVersionAsETag() {
        Http.Response response = http.get("/api/decisions/" + decision + "?awaitPosition=" + position);
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        Http.Response past = http.get("/api/decisions/" + decision + "?asOf=2021-01-01");
        assertThat(past.header("ETag")).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/decisions?status=PENDING",
                "/api/decisions?compliance=MAYBE",
                "/api/decisions?exposure=MARS",
                "/api/certifications?activity=9",
                "/api/certifications?activity=one",
                "/api/certifications?status=LOST",
                "/api/hosts?size=100000",
                "/api/hosts?size=0",
                "/api/hosts?page=-1",
                "/api/decisions?asOf=2020-13-01",
                "/api/decisions?asOf=yesterday",
                "/api/decisions?knownAt=2020-01-01T25:00:00Z",
                "/api/hosts/ovh?asOf=0001-01-01",
                "/api/compliance/alerts?asOf=2020/01/01",
                "/api/stats/sovereignty?knownAt=soon",
                "/api/decisions?awaitPosition=later",
                "/api/hosts?exposure=SOMEWHERE"
            })
    void badQueryParametersAre400(String path) {
        Http.Response response = http.get(path);
        assertThat(response.status()).as(path + " " + response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("errors")).isNotNull();
    }

    @Test
    void complianceAlertsListGapsAndExpiringCertificatesInUse() {
        JsonNode alerts = read("/api/compliance/alerts?asOf=2021-11-15", position);
        assertThat(alerts.get("gaps").findValuesAsText("decisionId")).contains(decision);
        JsonNode expiring = null;
        for (JsonNode e : alerts.get("expiring")) {
            if (e.get("certificationId").asText().equals(cert)) {
                expiring = e;
            }
        }
        assertThat(expiring).as(alerts.toString()).isNotNull();
        assertThat(expiring.get("daysLeft").asLong()).isEqualTo(47);
        assertThat(expiring.get("decisions").findValuesAsText("")).isEmpty();
        assertThat(expiring.get("decisions").toString()).contains(decision);
    }

    @Test
    void sovereigntyCountsDecisionsInForceByControllerAndActivity() {
        JsonNode stats = read("/api/stats/sovereignty", position);
        assertThat(stats.get("total").get("nonEu").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(stats.get("byActivity")).hasSize(6);
        JsonNode hdh = null;
        for (JsonNode c : stats.get("byController")) {
            if (c.get("controller").asText().startsWith("Plateforme des données de santé")) {
                hdh = c;
            }
        }
        assertThat(hdh).isNotNull();
        assertThat(hdh.get("count").get("nonEu").asLong()).isEqualTo(1);
        assertThat(hdh.get("count").get("nonEuShare").asDouble()).isEqualTo(1.0);
    }

    @Test
    void theOpenApiDescriptionAndSwaggerUiAreServed() {
        Http.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/decisions")).isTrue();
        assertThat(docs.json().get("paths").has("/api/certifications/{id}/suspensions"))
                .isTrue();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }
}
