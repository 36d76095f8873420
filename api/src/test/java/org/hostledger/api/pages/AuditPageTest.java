package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.api.pages.PagesTest.html;

import java.net.http.HttpResponse;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in form, the session chain's CSRF and roles, and the audit page with its integrity badge. */
class AuditPageTest extends IntegrationTest {

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
        assertThat(badge).contains("Chain intact", "events checked");
        String first = Html.text(Html.element(page, "tr", "event-1"));
        assertThat(first).contains("HostRegistered", "microsoft", "1 April 2018", "hostledger-demo");
        assertThat(Html.hrefs(Html.element(page, "tr", "event-1"))).contains("/hosts/microsoft");
        assertThat(Html.text(page)).contains("Signed in as auditor");
    }

    @Test
    void theAuditFormFiltersTheTrailAndTheNextLinkCarriesTheCursor() {
        pages.login("auditor", "auditor-pass");
        String ovh = html(
                pages.get("/audit?aggregateType=Host&aggregateId=ovh&type=HostRegistered"
                        + "&actor=hostledger-demo&recordedFrom=2021-01-01&limit=10"),
                200);
        assertThat(Html.text(Html.element(ovh, "tr", "event-2"))).contains("HostRegistered", "ovh");
        assertThat(ovh).doesNotContain("id=\"event-1\"").doesNotContain("id=\"event-3\"");
        assertThat(ovh).contains("<option value=\"Host\" selected=\"selected\">");

        String firstHost = html(pages.get("/audit?aggregateType=Host&limit=1"), 200);
        assertThat(firstHost).contains("id=\"event-1\"").doesNotContain("id=\"event-2\"");
        assertThat(Html.hrefs(firstHost)).anySatisfy(href -> assertThat(href).contains("after=1"));
        String secondHost = html(pages.get("/audit?aggregateType=Host&limit=1&after=1"), 200);
        assertThat(secondHost).contains("id=\"event-2\"").doesNotContain("id=\"event-1\"");
    }

    @Test
    void badAuditFiltersAreA400Page() {
        pages.login("auditor", "auditor-pass");
        assertThat(Html.text(html(pages.get("/audit?recordedFrom=last-week"), 400)))
                .contains("recordedFrom");
        assertThat(Html.text(html(pages.get("/audit?aggregateType=Planet"), 400)))
                .contains("aggregateType");
        assertThat(Html.text(html(pages.get("/audit?limit=100000"), 400))).contains("limit");
    }

    @Test
    void textWithMarkupInTheTrailIsShownAsText() {
        String id = id("markup");
        Http.Response created = http.at("/api/hosts")
                .editor()
                .post("{\"id\":\"" + id + "\","
                        + "\"name\":\"<script>alert('audit')</script>\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\","
                        + "\"sources\":[{\"title\":\"<b>bold</b>\"}]}")
                .send();
        assertThat(created.status()).isEqualTo(201);
        pages.login("auditor", "auditor-pass");
        String page = html(pages.get("/audit?aggregateId=" + id), 200);
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<b>bold</b>");
        assertThat(page).contains("&lt;b&gt;bold&lt;/b&gt;");
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
        assertThat(page)
                .contains("<label for=\"username\">Nom d’utilisateur</label>")
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
        assertThat(response.headers().firstValue("Content-Security-Policy"))
                .get()
                .asString()
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'");
    }
}
