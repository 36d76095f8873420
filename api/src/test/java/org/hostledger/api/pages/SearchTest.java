package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search: {@code q} on the host, certificate, decision and register-entry lists, and {@code /search}, the box on
 * every page. A French reader types without accents and in any case: "hopital" finds "Hôpital".
 */
class SearchTest extends IntegrationTest {

    private PageClient pages;
    private String tag;
    private String host;
    private String certificate;
    private String decision;
    private String entry;
    private String position;

    @BeforeEach
    void recordsWithAccents() {
        pages = new PageClient(port);
        // A word of this test alone, so that each search finds this test's records and no other.
        tag = "zq" + Long.toString(System.nanoTime(), 36);
        host = id("sh");
        Http.Response registered = post(
                "/api/hosts",
                "{\"id\":\"" + host + "\",\"name\":\"Hôpital Saint-Éloi " + tag + "\",\"country\":\"FR\","
                        + "\"effectiveOn\":\"2018-01-01\",\"sources\":" + sources() + "}");
        assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
        certificate = id("sc");
        grant(certificate, host, "[1]", "2025-01-01", "2027-12-31");
        decision = id("sd");
        Http.Response decided = post(
                "/api/decisions",
                "{\"id\":\"" + decision + "\",\"controller\":\"Agence Régionale " + tag + "\",\"system\":\"Dossiers\","
                        + "\"hostId\":\"" + host + "\",\"activities\":[1],\"decidedOn\":\"2025-02-01\","
                        + "\"procurement\":\"PUBLIC_TENDER\",\"rationale\":\"Best offer\",\"sources\":" + sources()
                        + "}");
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        entry = "e-" + tag;
        String csv = "entry_id;host;country;certifier;referential;activities;valid_from;valid_until\n" + entry
                + ";Clinique Sainte-Thérèse " + tag + ";FR;AFNOR Certification;v2.0;1,2;2025-01-01;2027-12-31\n";
        Http.Response imported = http.at("/api/registers/search-hds/snapshots?publishedAt="
                        + java.time.Instant.now().minusSeconds(5))
                .editor()
                .postBytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        position = Long.toString(imported.json().get("positionTo").asLong());
    }

    private static String q(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    @Test
    void theListsFindByNameOrIdWhateverTheCaseAndTheAccents() {
        assertThat(ids(read("/api/hosts?q=" + q("HOPITAL SAINT-ELOI " + tag), position)))
                .containsExactly(host);
        assertThat(ids(read("/api/hosts?q=" + q("hôpital saint-éloi " + tag.toUpperCase()), position)))
                .containsExactly(host);
        // An id is found as a part too (and "sh-…-1" is a part of "sh-…-12": contains, not exactly).
        assertThat(ids(read("/api/hosts?q=" + q(host), position))).contains(host);
        // A certificate is found by its host's name too; a decision by its controller.
        assertThat(ids(read("/api/certifications?q=" + q("saint-eloi " + tag), position)))
                .containsExactly(certificate);
        assertThat(ids(read("/api/decisions?q=" + q("agence regionale " + tag), position)))
                .containsExactly(decision);
        assertThat(ids(read("/api/decisions?q=" + q("hopital saint-eloi " + tag), position)))
                .containsExactly(decision);
        assertThat(read("/api/registers/search-hds/entries?q=" + q("SAINTE-THERESE " + tag), position)
                        .get("items")
                        .get(0)
                        .get("entryId")
                        .asText())
                .isEqualTo(entry);
    }

    @Test
    void wildcardsAreTextAndTooLongASearchIsRefused() {
        // "_" and "%" match themselves only: "h_pital" is not "hôpital", "%" is not "anything".
        assertThat(read("/api/hosts?q=" + q("h_pital saint-eloi " + tag), position)
                        .get("totalItems")
                        .asLong())
                .isZero();
        assertThat(read("/api/hosts?q=" + q("%" + tag), position)
                        .get("totalItems")
                        .asLong())
                .isZero();
        Http.Response tooLong = http.get("/api/hosts?q=" + "x".repeat(201));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get(0).get("field").asText()).isEqualTo("q");
        PagesTest.html(pages.get("/search?q=" + "x".repeat(201)), 400);
    }

    @Test
    void theSearchPageFindsHostsCertificatesDecisionsAndRegisterEntries() {
        String page = PagesTest.html(
                pages.get("/search?q=" + q("hopital saint-eloi " + tag) + "&awaitPosition=" + position), 200);
        assertThat(Html.hrefs(Html.element(page, "section", "found-hosts"))).contains("/hosts/" + host);
        assertThat(Html.hrefs(Html.element(page, "section", "found-certificates")))
                .contains("/certifications/" + certificate);
        assertThat(Html.hrefs(Html.element(page, "section", "found-decisions"))).contains("/decisions/" + decision);
        assertThat(Html.text(Html.element(page, "section", "found-entries"))).contains("No register entry matches");

        String entries = PagesTest.html(pages.get("/search?q=" + q("therese " + tag)), 200);
        String found = Html.element(entries, "section", "found-entries");
        assertThat(Html.text(found)).contains("HDS list for the search (tests) (1)", "Clinique Sainte-Thérèse " + tag);
        assertThat(Html.hrefs(found)).contains("/registers/search-hds?q=" + entry);
        assertThat(Html.text(Html.element(entries, "section", "found-hosts"))).startsWith("Hosts (1)");
    }

    @Test
    void everyPageCarriesTheSearchBoxAndTheListPagesTakeQ() {
        for (String path : new String[] {"/", "/hosts", "/certifications", "/registers", "/changes", "/hosts/ovh"}) {
            String page = PagesTest.html(pages.get(path), 200);
            assertThat(page).as(path).contains("action=\"/search\"", "id=\"site-q\"", "name=\"q\"");
        }
        String hosts = PagesTest.html(
                pages.get("/hosts?q=" + q("HOPITAL SAINT-ÉLOI " + tag) + "&awaitPosition=" + position), 200);
        assertThat(Html.hasId(hosts, "host-" + host)).isTrue();
        assertThat(Html.count(Html.first(hosts, "tbody"), "<tr ")).isEqualTo(1);
        String certifications = PagesTest.html(pages.get("/certifications?q=" + q("eloi " + tag)), 200);
        assertThat(Html.hasId(certifications, "certification-" + certificate)).isTrue();
        assertThat(Html.count(Html.first(certifications, "tbody"), "<tr ")).isEqualTo(1);
        String map = PagesTest.html(pages.get("/?q=" + q("regionale " + tag)), 200);
        assertThat(map).contains("/decisions/" + decision);
    }

    @Test
    void theSearchPageSpeaksFrench() {
        String page = PagesTest.html(pages.language("fr").get("/search?q=" + q("hopital saint-eloi " + tag)), 200);
        assertThat(Html.text(page))
                .contains("Recherche : hopital saint-eloi " + tag, "Hébergeurs (1)", "Entrées de registres");
    }
}
