package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /changes}, {@code /hosts/{id}/changes} and {@code GET /api/changes}: what took effect or was recorded between
 * two dates, grouped by record, with links to the records' pages. The records here take effect in 2011, a year no other
 * test uses, and are recorded today.
 */
class ChangesPagesTest extends IntegrationTest {

    private static final String SUMMER = "from=2011-06-01&to=2011-07-31";

    private PageClient pages;
    private String host;
    private String certificate;
    private String decision;
    private String otherCertificate;
    private String position;

    @BeforeEach
    void recordsChangedIn2011() {
        pages = new PageClient(port);
        host = id("ch");
        registerHost(host, "FR", null, null);
        certificate = id("cc");
        grant(certificate, host, "[1]", "2011-03-01", "2014-03-01");
        change(certificate, "suspensions", "2011-06-15", "Audit failed");
        change(certificate, "reinstatements", "2011-07-01", "Audit passed");
        decision = id("cd");
        decide(decision, host, "[1]", "2011-06-20");
        String other = id("ch");
        registerHost(other, "FR", null, null);
        otherCertificate = id("cc");
        grant(otherCertificate, other, "[2]", "2011-03-01", "2014-03-01");
        position = change(otherCertificate, "suspensions", "2011-06-15", "Another audit failed");
    }

    private String change(String certification, String kind, String effectiveOn, String reason) {
        Http.Response response = post(
                "/api/certifications/" + certification + "/" + kind,
                "{\"effectiveOn\":\"" + effectiveOn + "\",\"reason\":\"" + reason + "\",\"sources\":" + sources()
                        + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("X-Ledger-Position");
    }

    private static String today() {
        return LocalDate.now(ZoneId.of("Europe/Paris")).toString();
    }

    @Test
    void changesEffectiveBetweenTheDatesAreGroupedByRecordWithLinks() {
        String page = PagesTest.html(pages.get("/changes?" + SUMMER + "&size=200&awaitPosition=" + position), 200);

        String record = Html.element(page, "section", "record-Certification-" + certificate);
        String text = Html.text(record);
        assertThat(text)
                .contains("Certificate", certificate, "Suspended", "Audit failed", "Reinstated", "Audit passed");
        assertThat(text.indexOf("Suspended")).isLessThan(text.indexOf("Reinstated"));
        // The grant took effect in March: outside the dates, and recorded today, outside them too.
        assertThat(text).doesNotContain("Granted");
        assertThat(Html.hrefs(record)).contains("/certifications/" + certificate);
        assertThat(Html.hasId(page, "record-Certification-" + otherCertificate)).isTrue();
        String decided = Html.element(page, "section", "record-HostingDecision-" + decision);
        assertThat(Html.text(decided)).contains("Decision", "Decided");
        assertThat(Html.hrefs(decided)).contains("/decisions/" + decision);
        // Registered in 2018: nothing of the host itself happened in the summer of 2011.
        assertThat(Html.hasId(page, "record-Host-" + host)).isFalse();
    }

    @Test
    void oneHostsChangesAreAboutItItsCertificatesAndItsDecisionsOnly() {
        String page =
                PagesTest.html(pages.get("/hosts/" + host + "/changes?" + SUMMER + "&awaitPosition=" + position), 200);
        assertThat(Html.text(Html.first(page, "h1"))).isEqualTo("What changed at Host " + host);
        assertThat(Html.hasId(page, "record-Certification-" + certificate)).isTrue();
        assertThat(Html.hasId(page, "record-HostingDecision-" + decision)).isTrue();
        assertThat(Html.hasId(page, "record-Certification-" + otherCertificate)).isFalse();
        assertThat(Html.text(Html.element(page, "p", "summary"))).startsWith("2 records changed");
        assertThat(Html.hrefs(page)).contains("/api/feeds/changes.atom?hostId=" + host);
        assertThat(PagesTest.html(pages.get("/changes?hostId=" + host + "&" + SUMMER), 200))
                .contains("id=\"record-Certification-" + certificate + "\"")
                .doesNotContain("id=\"record-Certification-" + otherCertificate + "\"");
    }

    @Test
    void changesRecordedBetweenTheDatesCountWhateverTheirEffectiveDate() {
        String page = PagesTest.html(
                pages.get("/hosts/" + host + "/changes?from=" + today() + "&to=" + today() + "&awaitPosition="
                        + position),
                200);
        String registered = Html.element(page, "section", "record-Host-" + host);
        assertThat(Html.text(registered)).contains("Registered", "1 January 2018");
        assertThat(Html.hrefs(registered)).contains("/hosts/" + host);
        assertThat(Html.text(Html.element(page, "section", "record-Certification-" + certificate)))
                .contains("Granted", "Suspended", "Reinstated");
    }

    @Test
    void theRestReadAnswersTheSameGroupedByRecord() {
        JsonNode answer = read("/api/changes?" + SUMMER + "&hostId=" + host, position);
        assertThat(answer.get("totalItems").asLong()).isEqualTo(2);
        JsonNode record = null;
        for (JsonNode item : answer.get("items")) {
            if (item.get("recordId").asText().equals(certificate)) {
                record = item;
            }
        }
        assertThat(record).isNotNull();
        assertThat(record.get("recordType").asText()).isEqualTo("Certification");
        assertThat(record.get("hostId").asText()).isEqualTo(host);
        assertThat(record.get("page").asText()).isEqualTo("/certifications/" + certificate);
        assertThat(record.get("api").asText()).isEqualTo("/api/certifications/" + certificate);
        assertThat(record.get("changeCount").asLong()).isEqualTo(2);
        List<String> types = new ArrayList<>();
        record.get("changes").forEach(c -> types.add(c.get("type").asText()));
        assertThat(types).containsExactly("CertificationSuspended", "CertificationReinstated");
        assertThat(record.get("changes").get(0).get("effectiveOn").asText()).isEqualTo("2011-06-15");
        assertThat(record.get("changes").get(0).get("reason").asText()).isEqualTo("Audit failed");
    }

    @Test
    void badDatesAndUnknownHostsAreRefused() {
        Http.Response reversed = http.get("/api/changes?from=2011-07-01&to=2011-06-01");
        assertThat(reversed.status()).isEqualTo(400);
        assertThat(reversed.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/changes?from=yesterday").status()).isEqualTo(400);
        PagesTest.html(pages.get("/changes?from=2011-07-01&to=2011-06-01"), 400);
        PagesTest.html(pages.get("/hosts/no-such-host/changes"), 404);
    }

    @Test
    void theChangesPageSpeaksFrench() {
        String page = PagesTest.html(
                pages.language("fr").get("/hosts/" + host + "/changes?" + SUMMER + "&awaitPosition=" + position), 200);
        assertThat(Html.text(page)).contains("Ce qui a changé chez Host " + host, "Suspendu", "Certificat");
    }
}
