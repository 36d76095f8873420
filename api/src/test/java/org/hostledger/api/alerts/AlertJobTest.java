package org.hostledger.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * The alert job on a clock the test moves: each occurrence recorded once as an ordinary, chained and audited event,
 * read back by {@code /api/compliance/alerts} and by the watch's feeds.
 */
@Import(MovableClock.Config.class)
class AlertJobTest extends IntegrationTest {

    @Autowired
    private AlertJob job;

    @Autowired
    private MovableClock clock;

    private List<String> alertIds(String query) {
        JsonNode page = read("/api/compliance/alerts?" + query + "&size=200", Long.toString(head()));
        List<String> ids = new ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("alertId").asText()));
        return ids;
    }

    private void suspend(String cert, String on, String kind) {
        Http.Response response = post(
                "/api/certifications/" + cert + "/" + kind,
                "{\"effectiveOn\":\"" + on + "\",\"reason\":\"Audit\",\"sources\":" + sources() + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    @Test
    void eachOccurrenceIsRecordedOnceAsAnAuditedEventThatWatchersSee() throws Exception {
        String host = id("alerted");
        registerHost(host, "FR", null, null);
        String cert = id("alertedcert");
        grant(cert, host, "[1,2,3,4,5,6]", "2025-01-01", "2027-06-01");
        decide(id("alerteddecision"), host, "[1,2,3,4,5,6]", "2025-01-01");

        clock.set(Instant.parse("2026-12-01T10:00:00Z"));
        job.run();
        assertThat(alertIds("hostId=" + host))
                .as("182 days before the end: beyond the horizon")
                .isEmpty();

        clock.set(Instant.parse("2027-03-15T10:00:00Z"));
        AlertJob.Outcome first = job.run();
        assertThat(first.recorded()).isPositive();
        assertThat(first.refused()).isZero();
        String expiring = "alert:certificate-expiring:" + cert + ":2027-06-01";
        assertThat(alertIds("hostId=" + host)).containsExactly(expiring);

        long events = eventCount();
        AlertJob.Outcome again = job.run();
        assertThat(again.recorded()).isZero();
        assertThat(again.alreadyRecorded())
                .as("the expiring certificate, refused by its id")
                .isPositive();
        assertThat(eventCount()).as("a second run records nothing").isEqualTo(events);

        clock.set(Instant.parse("2027-03-16T10:00:00Z"));
        suspend(cert, "2027-03-16", "suspensions");
        job.run();
        job.run();
        String decision = read("/api/decisions?hostId=" + host, Long.toString(head()))
                .get("items")
                .get(0)
                .get("id")
                .asText();
        assertThat(alertIds("hostId=" + host))
                .containsExactlyInAnyOrder(
                        expiring,
                        "alert:certificate-suspended:" + cert + ":2027-03-16",
                        "alert:decision-not-certified:" + decision + ":1");
        assertThat(alertIds("hostId=" + host + "&kind=DECISION_NOT_CERTIFIED"))
                .containsExactly("alert:decision-not-certified:" + decision + ":1");
        assertThat(alertIds("recordId=" + decision)).hasSize(1);

        clock.set(Instant.parse("2027-03-20T10:00:00Z"));
        suspend(cert, "2027-03-20", "reinstatements");
        job.run();
        job.run();
        assertThat(alertIds("recordId=" + decision))
                .containsExactly(
                        "alert:decision-covered:" + decision + ":2", "alert:decision-not-certified:" + decision + ":1");

        JsonNode one = read("/api/compliance/alerts?recordId=" + decision + "&size=1", Long.toString(head()));
        assertThat(one.get("totalItems").asLong()).isEqualTo(2);
        assertThat(one.get("items")).hasSize(1);
        JsonNode covered = one.get("items").get(0);
        assertThat(covered.get("kind").asText()).isEqualTo("DECISION_COVERED");
        assertThat(covered.get("hostId").asText()).isEqualTo(host);
        assertThat(covered.get("effectiveOn").asText()).isEqualTo("2027-03-20");

        // Recorded like every write: in the audit trail with the job as actor, the chain intact.
        JsonNode audit = http.at("/api/audit/events?type=AlertRecorded&limit=1000")
                .auditor()
                .send()
                .json();
        List<String> actors = new ArrayList<>();
        audit.get("events").forEach(e -> {
            if (host.equals(e.get("payload").path("hostId").asText())) {
                actors.add(e.get("actor").asText());
            }
        });
        assertThat(actors).hasSize(4).containsOnly(AlertJob.ACTOR);
        assertThat(http.at("/api/audit/verify")
                        .auditor()
                        .send()
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();

        // Watchers see alerts as changes of the record they are about.
        String feed = http.get(
                        "/api/feeds/changes.atom?recordId=" + cert + "&type=AlertRecorded&awaitPosition=" + head())
                .body();
        assertThat(feed)
                .contains("<title>AlertRecorded CERTIFICATE_SUSPENDED — Alert " + cert + "</title>")
                .contains("<title>AlertRecorded CERTIFICATE_EXPIRING — Alert " + cert + "</title>")
                .doesNotContain("DECISION_");
        String hostFeed = http.get("/api/feeds/changes.atom?hostId=" + host + "&type=AlertRecorded")
                .body();
        assertThat(hostFeed)
                .contains("<title>AlertRecorded DECISION_COVERED — Alert " + decision + "</title>")
                .contains("<title>AlertRecorded DECISION_NOT_CERTIFIED — Alert " + decision + "</title>");
    }

    @Test
    void aBadFilterIsAClearProblem() {
        Http.Response response = http.get("/api/compliance/alerts?kind=SOON");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.body()).contains("kind");
    }
}
