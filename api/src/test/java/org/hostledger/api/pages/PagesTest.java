package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The hosting map, a decision's page and a host's page over real HTTP: content, languages, links and errors. */
class PagesTest extends IntegrationTest {

    private PageClient pages;

    @BeforeEach
    void browser() {
        pages = new PageClient(port);
    }

    private String page(String path) {
        return html(pages.get(path), 200);
    }

    static String html(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .get()
                .asString()
                .startsWith("text/html");
        return response.body();
    }

    // --- The hosting map ----------------------------------------------------------------------------

    @Test
    void theMapShowsTheHealthDataHubOnAzureAsNonEuUnderTheSovereigntyCounts() {
        // The store is shared with other test classes (register imports add thousands of decisions whose ids sort
        // first, some on the demo's hosts), so each row is looked for by its id.
        String map = page("/?hostId=microsoft&q=hdh-azure&awaitPosition=36");
        String row = Html.text(Html.element(map, "tr", "decision-hdh-azure"));
        assertThat(row)
                .contains("Health Data Hub", "Microsoft (Azure)", "IE (US)", "NON_EU", "Migrating", "1 December 2019");
        assertThat(Html.element(map, "tr", "decision-hdh-azure")).contains("class=\"badge badge-non-eu\"");
        assertThat(Html.element(page("/?q=stopcovid-outscale&awaitPosition=36"), "tr", "decision-stopcovid-outscale"))
                .contains("badge-eu\">EU<");
        assertThat(Long.parseLong(Html.element(map, "dd", "count-non-eu"))).isGreaterThanOrEqualTo(1);
        assertThat(Long.parseLong(Html.element(map, "dd", "count-decisions"))).isGreaterThanOrEqualTo(2);
        assertThat(Html.hrefs(map)).contains("/decisions/hdh-azure", "/hosts/microsoft");
    }

    @Test
    void theMapOnTheFirstOfJune2019HasNoHealthDataHubDecisionYet() {
        assertThat(Html.hasId(page("/?q=hdh-azure&awaitPosition=36"), "decision-hdh-azure"))
                .isTrue();
        String before = page("/?asOf=2019-06-01&q=hdh-azure&awaitPosition=36");
        assertThat(Html.hasId(before, "decision-hdh-azure")).isFalse();
        assertThat(Html.text(before)).contains("On 1 June 2019");
        assertThat(before).contains("name=\"asOf\" value=\"2019-06-01\"");
    }

    @Test
    void theMapFiltersByExposureAndHostAndKeepsTheChoicesInItsForm() {
        // Other test classes share the store (register imports add thousands of decisions, some on the demo's
        // hosts): each filter is combined with a search for the decision it must keep or drop.
        assertThat(Html.hasId(
                        page("/?exposure=EU&q=stopcovid-outscale&awaitPosition=36"), "decision-stopcovid-outscale"))
                .isTrue();
        String eu = page("/?exposure=EU&q=hdh-azure&awaitPosition=36");
        assertThat(Html.hasId(page("/?q=hdh-azure&awaitPosition=36"), "decision-hdh-azure"))
                .isTrue();
        assertThat(Html.hasId(eu, "decision-hdh-azure")).isFalse();
        assertThat(eu).contains("<option value=\"EU\" selected=\"selected\">");

        String onMicrosoft = page("/?hostId=microsoft&q=hdh-azure&awaitPosition=36");
        assertThat(Html.hasId(onMicrosoft, "decision-hdh-azure")).isTrue();
        assertThat(Html.hasId(page("/?q=stopcovid-outscale&awaitPosition=36"), "decision-stopcovid-outscale"))
                .isTrue();
        assertThat(Html.hasId(
                        page("/?hostId=microsoft&q=stopcovid-outscale&awaitPosition=36"),
                        "decision-stopcovid-outscale"))
                .isFalse();
        assertThat(onMicrosoft).contains("<option value=\"microsoft\" selected=\"selected\">");
    }

    @Test
    void theMapIsPagedAndItsPageLinksKeepTheFilters() {
        String host = id("ph");
        registerHost(host, "FR", null, null);
        decide(id("pd"), host, "[1]", "2020-01-01");
        String position = decide(id("pd"), host, "[1]", "2020-02-01");

        String first = page("/?hostId=" + host + "&size=1&awaitPosition=" + position);
        assertThat(Html.count(first, "<tr id=\"decision-")).isEqualTo(1);
        assertThat(Html.text(first)).contains("Page 1 of 2");
        String next = "/?hostId=" + host + "&size=1&page=1";
        assertThat(Html.hrefs(first)).contains(next);

        String second = page(next);
        assertThat(Html.count(second, "<tr id=\"decision-")).isEqualTo(1);
        assertThat(Html.hrefs(second)).contains("/?hostId=" + host + "&size=1&page=0");
        assertThat(Html.text(second)).contains("Page 2 of 2");
    }

    @Test
    void linksFromTheMapKeepTheTimeAskedEvenAnInstantWithAnOffset() {
        String map = page("/?knownAt=2099-01-01T00:00:00%2B01:00&awaitPosition=36");
        String link = "/decisions/hdh-azure?knownAt=2099-01-01T00%3A00%3A00%2B01%3A00";
        assertThat(Html.hrefs(map)).contains(link);
        assertThat(Html.text(page(link))).contains("as known at 2098-12-31T23:00:00Z");
    }

    @Test
    void aBadDateOrFilterOnTheMapIsAFriendly400Page() {
        String badDate = html(pages.get("/?asOf=2020-13-45"), 400);
        assertThat(Html.text(badDate)).contains("This request is not valid", "asOf");
        String badFilter = html(pages.get("/?exposure=MARS"), 400);
        assertThat(Html.text(badFilter)).contains("exposure");
        html(pages.get("/?knownAt=yesterday"), 400);
    }

    // --- A decision ----------------------------------------------------------------------------------

    @Test
    void theDecisionPageGivesTheWhyOfTheHealthDataHub() {
        String page = page("/decisions/hdh-azure?awaitPosition=36");
        assertThat(Html.text(Html.element(page, "dd", "procurement"))).isEqualTo("Central purchasing body");
        assertThat(Html.text(Html.element(page, "dd", "contractor"))).isEqualTo("Groupe Open");
        assertThat(Html.text(Html.element(page, "p", "rationale"))).contains("UGAP", "no dedicated public tender");
        assertThat(Html.text(Html.element(page, "ul", "alternatives"))).contains("OVH", "Oodrive");
        assertThat(page)
                .contains("<a href=\"https://2017-2022.nosdeputes.fr/15/intervention/1171840\" "
                        + "rel=\"noopener noreferrer\">");
        assertThat(Html.hrefs(page)).contains("/hosts/microsoft");
    }

    @Test
    void sourcesWithoutAnAddressAreTextNotLinks() {
        String page = page("/decisions/hdh-azure?awaitPosition=36");
        assertThat(page).containsPattern("<span>«Health Data Hub : le choix de Microsoft[^<]*</span>");
        assertThat(page).doesNotContain("<a href=\"\"").doesNotContain("href=\"null\"");
    }

    @Test
    void challengesAndMigrationPlansFormOneTimelineInDateOrderOpeningWithTheSenate() {
        String timeline = Html.text(Html.element(page("/decisions/hdh-azure?awaitPosition=36"), "ol", "timeline"));
        assertThat(timeline)
                .startsWith("27 May 2020 — Challenge Catherine Morin-Desailly")
                .contains("Sénat");
        assertThat(timeline.indexOf("27 May 2020"))
                .isLessThan(timeline.indexOf("19 June 2020"))
                .isLessThan(timeline.indexOf("13 October 2020"));
        assertThat(timeline.indexOf("13 October 2020 — Challenge"))
                .isLessThan(timeline.indexOf("19 November 2020 — Migration plan"));
    }

    @Test
    void complianceIsShownActivityByActivityAtTheDecisionDateAndOnTheDateAsked() {
        String host = id("ch");
        String cert = id("cc");
        registerHost(host, "FR", null, null);
        grant(cert, host, "[1,2]", "2019-01-01", "2022-01-01");
        String decision = id("cd");
        String position = decide(decision, host, "[1,2,5]", "2020-01-01");

        String table = Html.element(
                page("/decisions/" + decision + "?asOf=2023-01-01&awaitPosition=" + position), "table", "compliance");
        assertThat(Html.count(table, "<th scope=\"row\">")).isEqualTo(3);
        assertThat(Html.text(table)).contains("1 January 2020", "GAP (5)", "1 January 2023", "NOT_CERTIFIED");
        assertThat(Html.count(table, "class=\"covered yes\"")).isEqualTo(2);
        assertThat(Html.count(table, "class=\"covered no\"")).isEqualTo(4);
    }

    @Test
    void aDecisionNotTakenYetOrUnknownIsAFriendly404Page() {
        assertThat(Html.text(html(pages.get("/decisions/hdh-azure?asOf=2019-06-01&awaitPosition=36"), 404)))
                .contains("Not found");
        html(pages.get("/decisions/no-such-decision"), 404);
        html(pages.get("/decisions/NOT%20AN%20ID"), 404);
    }

    @Test
    void aBadAsOfOnADecisionIsA400Page() {
        assertThat(Html.text(html(pages.get("/decisions/hdh-azure?asOf=tomorrow"), 400)))
                .contains("asOf");
    }

    @Test
    void pagesSpeakFrenchToAFrenchBrowser() {
        pages.language("fr-FR,fr;q=0.9,en;q=0.5");
        String page = page("/decisions/hdh-azure?awaitPosition=36");
        assertThat(page).contains("<html lang=\"fr\"");
        assertThat(Html.text(Html.element(page, "dd", "procurement"))).isEqualTo("Centrale d’achat");
        assertThat(Html.text(page))
                .contains(
                        "Ce qui a suivi",
                        "27 mai 2020 — Contestation",
                        "Mise à disposition et maintien en condition opérationnelle des sites physiques");
        assertThat(Html.text(page("/?awaitPosition=36"))).contains("Carte des hébergements", "Décisions en vigueur");
        assertThat(Html.text(html(pages.get("/?asOf=31/12/2020"), 400))).contains("Cette demande n’est pas valide");
    }

    @Test
    void anyOtherLanguageGetsEnglish() {
        pages.language("de-DE,de;q=0.9");
        String page = page("/?awaitPosition=36");
        assertThat(page).contains("<html lang=\"en\"");
        assertThat(Html.text(page)).contains("Hosting map");
    }

    // --- A host --------------------------------------------------------------------------------------

    @Test
    void theOvhPageShowsItsCertificateWithTheSixActivityFlagsAndItsTimeline() {
        String page = page("/hosts/ovh?awaitPosition=36");
        assertThat(Html.text(page)).contains("OVH (OVHcloud)", "EU");
        String row = Html.element(page, "tr", "certificate-ovh-hds");
        assertThat(Html.count(row, "class=\"flag on\"")).isEqualTo(6);
        assertThat(Html.count(row, "class=\"flag off\"")).isZero();
        String bar = Html.element(page, "g", "timeline-ovh-hds");
        assertThat(bar).contains("class=\"window\"");
        assertThat(Html.count(bar, "class=\"renewal\"")).isEqualTo(2);
        assertThat(Html.text(Html.element(page, "svg", "certificate-timeline"))).contains("2018", "2027");
    }

    @Test
    void aHostPageListsTheDecisionsItServesWithItsParentAndExposure() {
        String page = page("/hosts/microsoft?awaitPosition=36");
        assertThat(Html.text(page)).contains("Microsoft Corporation (US)", "NON_EU");
        assertThat(Html.hrefs(Html.element(page, "table", "served"))).contains("/decisions/hdh-azure");
    }

    @Test
    void theTimelineMarksSuspensionsAndTheWithdrawal() {
        String host = id("th");
        String cert = id("tc");
        registerHost(host, "FR", null, null);
        grant(cert, host, "[1,2,3]", "2019-01-01", "2022-01-01");
        lifecycle(cert, "suspensions", "2019-06-01");
        lifecycle(cert, "reinstatements", "2019-09-01");
        lifecycle(cert, "suspensions", "2020-03-01");
        String position = lifecycle(cert, "withdrawals", "2020-06-01");

        String page = page("/hosts/" + host + "?awaitPosition=" + position);
        String row = Html.element(page, "g", "timeline-" + cert);
        assertThat(Html.count(row, "class=\"suspension\"")).isEqualTo(2);
        assertThat(row).contains("class=\"withdrawal\"").contains("Withdrawn on 2020-06-01");
        assertThat(Html.text(Html.element(page, "tr", "certificate-" + cert))).contains("Withdrawn");
        assertThat(page).contains("status-withdrawn");

        String before = page("/hosts/" + host + "?asOf=2019-07-01&awaitPosition=" + position);
        String suspendedThen = Html.element(before, "g", "timeline-" + cert);
        assertThat(Html.count(suspendedThen, "class=\"suspension\"")).isEqualTo(1);
        assertThat(suspendedThen).doesNotContain("class=\"withdrawal\"");
    }

    private String lifecycle(String cert, String change, String on) {
        var response = post(
                "/api/certifications/" + cert + "/" + change,
                "{\"effectiveOn\":\"" + on + "\",\"reason\":\"Audit finding\",\"sources\":" + sources() + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("X-Ledger-Position");
    }

    @Test
    void aCorrectionShowsTheNewFactsWithItsReason() {
        String host = id("kh");
        registerHost(host, "FR", null, null);
        var correction = post(
                "/api/hosts/" + host + "/corrections",
                "{\"name\":\"Renamed Host\",\"reason\":\"The registry misspelt it\",\"sources\":" + sources() + "}");
        assertThat(correction.status()).as(correction.toString()).isEqualTo(201);

        String page = page("/hosts/" + host + "?awaitPosition=" + correction.header("X-Ledger-Position"));
        assertThat(Html.text(Html.element(page, "h1", "host-name"))).isEqualTo("Renamed Host");
        assertThat(Html.text(Html.element(page, "section", "corrections"))).contains("The registry misspelt it");
    }

    @Test
    void anUnknownHostIsA404Page() {
        assertThat(Html.text(html(pages.get("/hosts/no-such-host"), 404))).contains("Not found");
    }

    // --- Markup typed into the API stays text ------------------------------------------------------------

    @Test
    void markupEnteredThroughTheApiShowsAsTextOnEveryPage() {
        String host = id("xh");
        String decision = id("xd");
        String markup = "<script>alert('x')</script><b>bold</b>";
        String hostBody = "{\"id\":\"" + host + "\",\"name\":\"" + json(markup) + " Cloud\",\"country\":\"FR\","
                + "\"parentCompany\":\"" + json(markup) + "\",\"parentCountry\":\"FR\",\"effectiveOn\":\"2018-01-01\","
                + "\"sources\":[{\"title\":\"" + json(markup) + "\",\"url\":\"https://example.org/x?a=1&b=<2>\"}]}";
        assertThat(post("/api/hosts", hostBody).status()).isEqualTo(201);
        String decisionBody = "{\"id\":\"" + decision + "\",\"controller\":\"" + json(markup) + "\",\"system\":\""
                + json(markup) + "\",\"hostId\":\"" + host + "\",\"activities\":[1],\"decidedOn\":\"2020-01-01\","
                + "\"procurement\":\"UNKNOWN\",\"contractor\":\"" + json(markup) + "\",\"rationale\":\"" + json(markup)
                + "\",\"alternatives\":[\"" + json(markup) + "\"],\"sources\":[{\"title\":\"" + json(markup) + "\"}]}";
        assertThat(post("/api/decisions", decisionBody).status()).isEqualTo(201);
        var challenge = post(
                "/api/decisions/" + decision + "/challenges",
                "{\"by\":\"" + json(markup)
                        + "\",\"effectiveOn\":\"2020-02-01\",\"argument\":\"" + json(markup) + "\",\"forum\":\""
                        + json(markup)
                        + "\",\"sources\":[{\"title\":\"" + json(markup) + "\"}]}");
        assertThat(challenge.status()).as(challenge.toString()).isEqualTo(201);
        String position = challenge.header("X-Ledger-Position");

        for (String path : List.of("/?hostId=" + host, "/decisions/" + decision, "/hosts/" + host)) {
            String page = page(path + (path.contains("?") ? "&" : "?") + "awaitPosition=" + position);
            assertThat(page).as(path).doesNotContain("<script").doesNotContain("<b>bold");
            assertThat(page)
                    .as(path)
                    .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&lt;b&gt;bold&lt;/b&gt;");
        }
        assertThat(page("/hosts/" + host)).contains("href=\"https://example.org/x?a=1&amp;b=&lt;2&gt;\"");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
