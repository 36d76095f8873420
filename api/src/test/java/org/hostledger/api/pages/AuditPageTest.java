package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.api.pages.PagesTest.html;

import java.net.http.HttpResponse;
import java.time.Instant;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.core.query.ListAuditEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The sign-in form, the session chain's CSRF and roles, and the audit page with its integrity badge. */
class AuditPageTest extends IntegrationTest {

    @Autowired
    StubAuditQueries audit;

    private PageClient pages;

    @BeforeEach
    void browser() {
        pages = new PageClient(port);
    }

    private static void assertRedirect(HttpResponse<String> response, String location) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location")).get().asString().endsWith(location);
    }

    @Test
    void anAnonymousVisitorIsSentToTheLoginForm() {
        assertRedirect(pages.get("/audit"), "/login");
    }

    @Test
    void anAuditorSeesTheEventsWithBothTimesAndActorsAndTheIntegrityBadge() {
        assertRedirect(pages.login("auditor", "auditor-pass"), "/");
        String page = html(pages.get("/audit"), 200);
        String badge = Html.text(Html.element(page, "p", "integrity"));
        assertThat(badge).contains("Chain intact", "36 events checked", "position 36", "abc…");
        String second = Html.text(Html.element(page, "tr", "event-2"));
        assertThat(second).contains("HostingDecisionRecorded", "hdh-azure", "1 December 2019",
                "2026-01-05T10:00:01Z", "registrar-jane");
        assertThat(Html.hrefs(Html.element(page, "tr", "event-1"))).contains("/hosts/microsoft");
        assertThat(Html.text(page)).contains("Signed in as auditor");
    }

    @Test
    void theAuditFormBecomesTheQueryAndTheNextLinkCarriesTheCursor() {
        pages.login("auditor", "auditor-pass");
        String page = html(pages.get("/audit?aggregateType=Host&aggregateId=ovh&type=HostRegistered&actor=jane"
                + "&recordedFrom=2021-01-01&recordedTo=2021-06-01T12:00:00%2B02:00&limit=10"), 200);
        assertThat(audit.lastQuery()).isEqualTo(new ListAuditEvents("ovh", "Host", "HostRegistered", "jane",
                Instant.parse("2021-01-01T00:00:00Z"), Instant.parse("2021-06-01T10:00:00Z"), 0, 10));
        assertThat(page).contains("<option value=\"Host\" selected=\"selected\">");
        assertThat(Html.hrefs(page)).contains("/audit?aggregateType=Host&aggregateId=ovh&type=HostRegistered"
                + "&actor=jane&recordedFrom=2021-01-01&recordedTo=2021-06-01T12%3A00%3A00%2B02%3A00&limit=10&after=2");

        html(pages.get("/audit?after=2"), 200);
        assertThat(audit.lastQuery().after()).isEqualTo(2);
        assertThat(audit.lastQuery().limit()).isEqualTo(AuditPageController.DEFAULT_LIMIT);
    }

    @Test
    void badAuditFiltersAreA400Page() {
        pages.login("auditor", "auditor-pass");
        assertThat(Html.text(html(pages.get("/audit?recordedFrom=last-week"), 400))).contains("recordedFrom");
        assertThat(Html.text(html(pages.get("/audit?aggregateType=Planet"), 400))).contains("aggregateType");
        assertThat(Html.text(html(pages.get("/audit?limit=100000"), 400))).contains("limit");
    }

    @Test
    void textWithMarkupInTheTrailIsShownAsText() {
        pages.login("auditor", "auditor-pass");
        String page = html(pages.get("/audit"), 200);
        assertThat(page).doesNotContain("<script").contains("&lt;script&gt;alert(&#39;audit&#39;)&lt;/script&gt;");
    }

    @Test
    void aSignedInUserWithoutTheAuditorRoleIsRefusedWithAnHtmlPage() {
        assertRedirect(pages.login("reader", "reader-pass"), "/");
        assertThat(Html.text(html(pages.get("/audit"), 403))).contains("Not allowed");
    }

    @Test
    void aWrongPasswordComesBackToTheFormWithAMessage() {
        assertRedirect(pages.login("auditor", "wrong"), "/login?error");
        assertThat(Html.text(Html.element(html(pages.get("/login?error"), 200), "p", "login-error")))
                .isEqualTo("Wrong user name or password.");
        assertRedirect(pages.get("/audit"), "/login");
    }

    @Test
    void theLoginFormNeedsItsCsrfToken() {
        pages.get("/login");
        HttpResponse<String> forged = pages.postForm("/login", "username=auditor&password=auditor-pass");
        assertThat(forged.statusCode()).isEqualTo(403);
        assertRedirect(pages.get("/audit"), "/login");
    }

    @Test
    void loggingOutEndsTheSession() {
        pages.login("auditor", "auditor-pass");
        String page = html(pages.get("/audit"), 200);
        assertThat(page).contains("action=\"/logout\"");
        assertRedirect(pages.postForm("/logout", "_csrf=" + PageClient.csrf(page)), "/login?logout");
        assertRedirect(pages.get("/audit"), "/login");
    }

    @Test
    void theLoginPageSpeaksFrench() {
        pages.language("fr");
        String page = html(pages.get("/login"), 200);
        assertThat(page).contains("<html lang=\"fr\"");
        assertThat(page).contains("<label for=\"username\">Nom d’utilisateur</label>")
                .contains("<label for=\"password\">Mot de passe</label>");
    }

    @Test
    void theJsonApiStaysStatelessBehindItsOwnChain() {
        Http.Response response = http.at("/api/audit/verify").send();
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.header("Set-Cookie")).isNull();
    }

    @Test
    void pagesForbidInlineScriptAndFraming() {
        HttpResponse<String> response = pages.get("/login");
        assertThat(response.headers().firstValue("Content-Security-Policy")).get().asString()
                .contains("script-src 'self'").contains("frame-ancestors 'none'");
    }
}
