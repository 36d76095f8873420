package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The editor forms over real HTTP, signed in through the login form: each form records its change and leads to the
 * record's page showing it; every field's message, in English and French; CSRF; a double submit records once.
 */
class EditorFormsTest extends IntegrationTest {

    private PageClient pages;
    private String host;
    private String certificate;
    private String decision;

    @BeforeEach
    void signedInEditorAndRecords() {
        pages = new PageClient(port);
        assertThat(pages.login("editor", "editor-pass").statusCode()).isEqualTo(302);
        // Ids after "hdh-azure": the map lists decisions by id, and the pages' tests look for it on the first page.
        host = id("xh");
        registerHost(host, "FR", null, null);
        certificate = id("xc");
        grant(certificate, host, "[1,2]", "2021-01-01", "2024-01-01");
        decision = id("xd");
        // The forms read the records through the views: wait until they hold these.
        read("/api/decisions/" + decision, decide(decision, host, "[1]", "2020-02-01"));
    }

    /** A form, what a person types into it, and what the record's page shows afterwards. */
    record Case(String name, String path, Map<String, String> values, String shown, List<String> required) {}

    static Stream<Arguments> everyForm() {
        return Stream.of(
                        "hosts/new",
                        "hosts/ownership-change",
                        "hosts/correction",
                        "certifications/new",
                        "certifications/suspension",
                        "certifications/reinstatement",
                        "certifications/withdrawal",
                        "certifications/renewal",
                        "certifications/scope-change",
                        "certifications/correction",
                        "decisions/new",
                        "decisions/challenge",
                        "decisions/migration-plan",
                        "decisions/ending",
                        "decisions/correction")
                .map(Arguments::of);
    }

    private Case forCase(String form) {
        String mark = id("m");
        Map<String, String> v = new LinkedHashMap<>();
        return switch (form) {
            case "hosts/new" -> {
                String newHost = id("xnh");
                v.put("id", newHost);
                v.put("name", "Host " + mark);
                v.put("country", "FR");
                v.put("effectiveOn", "2020-01-01");
                yield new Case(form, "/edit/hosts/new", v, "Host " + mark, List.of("name", "country", "effectiveOn"));
            }
            case "hosts/ownership-change" -> {
                v.put("parentCompany", "Parent " + mark);
                v.put("parentCountry", "US");
                v.put("effectiveOn", "2021-01-01");
                v.put("reason", "Bought " + mark);
                yield new Case(
                        form,
                        "/edit/hosts/" + host + "/ownership-change",
                        v,
                        "Bought " + mark,
                        List.of("effectiveOn", "reason"));
            }
            case "hosts/correction" -> {
                v.put("name", "Corrected " + mark);
                v.put("reason", "Misspelt " + mark);
                yield new Case(form, "/edit/hosts/" + host + "/correction", v, "Misspelt " + mark, List.of("reason"));
            }
            case "certifications/new" -> {
                v.put("id", id("xnc"));
                v.put("hostId", host);
                v.put("scheme", "HDS");
                v.put("referential", "v2");
                v.put("certifier", "Certifier " + mark);
                v.put("activities", "1,3");
                v.put("validFrom", "2021-01-01");
                v.put("validUntil", "2024-01-01");
                yield new Case(
                        form,
                        "/edit/certifications/new",
                        v,
                        "Certifier " + mark,
                        List.of("hostId", "referential", "certifier", "validFrom", "validUntil"));
            }
            case "certifications/suspension", "certifications/withdrawal" -> {
                v.put("effectiveOn", "2021-06-01");
                v.put("reason", "Audit " + mark);
                yield new Case(
                        form,
                        "/edit/certifications/" + certificate + "/" + form.substring(form.indexOf('/') + 1),
                        v,
                        "Audit " + mark,
                        List.of("effectiveOn", "reason"));
            }
            case "certifications/reinstatement" -> {
                post(
                        "/api/certifications/" + certificate + "/suspensions",
                        "{\"effectiveOn\":\"2021-06-01\",\"reason\":\"Audit\",\"sources\":" + sources() + "}");
                v.put("effectiveOn", "2021-09-01");
                v.put("reason", "Passed " + mark);
                yield new Case(
                        form,
                        "/edit/certifications/" + certificate + "/reinstatement",
                        v,
                        "Passed " + mark,
                        List.of("effectiveOn", "reason"));
            }
            case "certifications/renewal" -> {
                v.put("validUntil", "2026-12-01");
                v.put("referential", "v2");
                v.put("effectiveOn", "2023-12-01");
                yield new Case(
                        form,
                        "/edit/certifications/" + certificate + "/renewal",
                        v,
                        "1 December 2026",
                        List.of("validUntil", "effectiveOn"));
            }
            case "certifications/scope-change" -> {
                v.put("activities", "1,2,3");
                v.put("effectiveOn", "2022-01-01");
                v.put("reason", "Extended " + mark);
                yield new Case(
                        form,
                        "/edit/certifications/" + certificate + "/scope-change",
                        v,
                        "Extended " + mark,
                        List.of("activities", "effectiveOn", "reason"));
            }
            case "certifications/correction" -> {
                v.put("certifier", "Certifier " + mark);
                v.put("reason", "Wrong certifier " + mark);
                yield new Case(
                        form,
                        "/edit/certifications/" + certificate + "/correction",
                        v,
                        "Certifier " + mark,
                        List.of("reason"));
            }
            case "decisions/new" -> {
                v.put("id", id("xnd"));
                v.put("controller", "Controller " + mark);
                v.put("system", "System " + mark);
                v.put("hostId", host);
                v.put("activities", "1");
                v.put("decidedOn", "2021-02-01");
                v.put("procurement", "PUBLIC_TENDER");
                v.put("rationale", "Cheapest " + mark);
                v.put("alternatives", "Another host\nBuilding our own");
                yield new Case(
                        form,
                        "/edit/decisions/new",
                        v,
                        "Cheapest " + mark,
                        List.of(
                                "controller",
                                "system",
                                "hostId",
                                "activities",
                                "decidedOn",
                                "procurement",
                                "rationale"));
            }
            case "decisions/challenge" -> {
                v.put("by", "Senator " + mark);
                v.put("effectiveOn", "2021-03-01");
                v.put("argument", "Sovereignty");
                v.put("forum", "Senate");
                yield new Case(
                        form,
                        "/edit/decisions/" + decision + "/challenge",
                        v,
                        "Senator " + mark,
                        List.of("by", "effectiveOn", "argument"));
            }
            case "decisions/migration-plan" -> {
                v.put("target", "Cloud " + mark);
                v.put("targetDate", "2025-01-01");
                v.put("effectiveOn", "2021-04-01");
                v.put("rationale", "Sovereignty");
                yield new Case(
                        form,
                        "/edit/decisions/" + decision + "/migration-plan",
                        v,
                        "Cloud " + mark,
                        List.of("targetDate", "effectiveOn", "rationale"));
            }
            case "decisions/ending" -> {
                v.put("effectiveOn", "2022-01-01");
                v.put("reason", "Ended " + mark);
                yield new Case(
                        form,
                        "/edit/decisions/" + decision + "/ending",
                        v,
                        "Ended " + mark,
                        List.of("effectiveOn", "reason"));
            }
            case "decisions/correction" -> {
                v.put("rationale", "Corrected " + mark);
                v.put("reason", "Wrong rationale");
                yield new Case(
                        form, "/edit/decisions/" + decision + "/correction", v, "Corrected " + mark, List.of("reason"));
            }
            default -> throw new IllegalArgumentException(form);
        };
    }

    // --- Success: Post/Redirect/Get to the record's page, which shows the change ------------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForm")
    void aFilledFormRecordsOneEventAndTheRecordsPageShowsIt(String form) {
        Case c = forCase(form);
        String html = PagesTest.html(pages.get(c.path()), 200);
        assertThat(html).contains("id=\"editor-form\"");
        long before = eventCount();

        HttpResponse<String> posted = pages.postForm(c.path(), body(html, c.values(), true));

        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);
        assertThat(eventCount()).isEqualTo(before + 1);
        String page = follow(posted);
        assertThat(Html.element(page, "p", "recorded")).contains("The change is recorded");
        assertThat(Html.text(page)).contains(c.shown());
    }

    @Test
    void aCorrectionFormShowsTheCurrentValuesAndSendsOnlyWhatChanged() {
        String html = PagesTest.html(pages.get("/edit/hosts/" + host + "/correction"), 200);
        assertThat(html).contains("value=\"Host " + host + "\"", "value=\"FR\"", "value=\"2018-01-01\"");

        Map<String, String> values = new LinkedHashMap<>();
        values.put("reason", "Nothing to change");
        HttpResponse<String> unchanged =
                pages.postForm("/edit/hosts/" + host + "/correction", body(html, values, true));
        assertThat(unchanged.statusCode()).isEqualTo(409);
        assertThat(Html.text(unchanged.body())).contains("The ledger refused this change:", "changes nothing");

        values.put("country", "BE");
        HttpResponse<String> corrected =
                pages.postForm("/edit/hosts/" + host + "/correction", body(html, values, true));
        assertThat(corrected.statusCode()).isEqualTo(302);
        var view = read("/api/hosts/" + host, position(corrected));
        assertThat(view.get("country").asText()).isEqualTo("BE");
        assertThat(view.get("name").asText()).isEqualTo("Host " + host);
    }

    // --- Every validation message, from the API's own rules, in English and in French ---------------------

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyForm")
    void anEmptyFormSaysWhatEachRequiredFieldNeedsAndRecordsNothing(String form) {
        Case c = forCase(form);
        String html = PagesTest.html(pages.get(c.path()), 200);
        long before = eventCount();

        HttpResponse<String> posted = pages.postForm(c.path(), body(html, blanks(c), false));

        String page = PagesTest.html(posted, 400);
        assertThat(eventCount()).isEqualTo(before);
        for (String field : c.required()) {
            assertThat(Html.text(Html.element(page, "p", field + "-error")))
                    .as(field)
                    .containsAnyOf("must not be blank", "must not be null", "must not be empty");
            assertThat(page).contains("href=\"#" + field + (field.equals("activities") ? "-1" : "") + "\"");
        }
        assertThat(Html.text(Html.element(page, "p", "sources-error"))).contains("must not be empty");
        assertThat(Html.element(page, "div", "error-summary")).contains("There is a problem");
        assertThat(page).contains("<title>Error: ");
    }

    @Test
    void theMessagesOfEachRuleOfTheApiInEnglish() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("id", "Not An Id");
        bad.put("name", "x".repeat(201));
        bad.put("country", "France");
        bad.put("parentCountry", "XX");
        bad.put("effectiveOn", "2020-13-45");
        String page = invalidHost(bad, "en");
        assertThat(Html.text(Html.element(page, "p", "id-error"))).contains("must match [a-z0-9][a-z0-9-]{1,63}");
        assertThat(Html.text(Html.element(page, "p", "name-error"))).contains("must be at most 200 characters");
        assertThat(Html.text(Html.element(page, "p", "country-error")))
                .contains("must be an ISO 3166-1 alpha-2 country code such as FR or US");
        assertThat(Html.text(Html.element(page, "p", "parentCountry-error"))).contains("ISO 3166-1");
        assertThat(Html.text(Html.element(page, "p", "effectiveOn-error")))
                .contains("must be a date such as 2020-05-27");
        assertThat(Html.text(Html.element(page, "p", "sources-0-url-error")))
                .contains("must be an http or https address");
        assertThat(Html.text(Html.element(page, "p", "sources-0-title-error"))).contains("must not be blank");
        assertThat(Html.text(Html.element(page, "p", "sources-0-publishedOn-error")))
                .contains("must be between 1900-01-01 and 2199-12-31");
        assertThat(page).contains("aria-invalid=\"true\"", "aria-describedby=\"country-hint country-error\"");
        assertThat(Html.text(Html.element(page, "div", "error-summary")))
                .contains("Country: must be an ISO 3166-1", "Source 1 — Address (https://…): must be an http");
    }

    @Test
    void theMessagesOfEachRuleOfTheApiInFrench() {
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("id", "Not An Id");
        bad.put("name", "x".repeat(201));
        bad.put("country", "France");
        bad.put("effectiveOn", "2020-13-45");
        String page = invalidHost(bad, "fr");
        assertThat(Html.text(Html.element(page, "p", "id-error"))).contains("doit correspondre à");
        assertThat(Html.text(Html.element(page, "p", "name-error"))).contains("doit faire au plus 200 caractères");
        assertThat(Html.text(Html.element(page, "p", "country-error"))).contains("doit être un code pays");
        assertThat(Html.text(Html.element(page, "p", "effectiveOn-error"))).contains("doit être une date comme");
        assertThat(Html.text(Html.element(page, "p", "sources-0-url-error")))
                .contains("doit être une adresse http ou https");
        assertThat(Html.text(Html.element(page, "p", "sources-0-title-error"))).contains("ne doit pas être vide");
        assertThat(Html.element(page, "div", "error-summary")).contains("Il y a un problème");
        assertThat(Html.text(Html.element(page, "div", "error-summary")))
                .contains("Pays\u00a0: doit être un code pays");
    }

    /** The host form with these values and a source with a bad address, no title and a date out of range. */
    private String invalidHost(Map<String, String> values, String language) {
        pages.language(language);
        String html = PagesTest.html(pages.get("/edit/hosts/new"), 200);
        long before = eventCount();
        String body = body(html, values, false)
                + "&" + enc("sources[0].url") + "=ftp%3A%2F%2Fexample.org"
                + "&" + enc("sources[0].publishedOn") + "=1850-01-01";
        HttpResponse<String> posted = pages.postForm("/edit/hosts/new", body);
        assertThat(eventCount()).isEqualTo(before);
        return PagesTest.html(posted, 400);
    }

    @Test
    void theRulesBetweenFieldsOfAGrantAreTheApisInBothLanguages() {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("hostId", host);
        values.put("scheme", "HDS");
        values.put("referential", "v1");
        values.put("certifier", "AFNOR");
        values.put("activities", "1");
        values.put("validFrom", "2022-01-01");
        values.put("validUntil", "2021-01-01");
        for (String language : List.of("en", "fr")) {
            pages.language(language);
            String html = PagesTest.html(pages.get("/edit/certifications/new"), 200);
            String page = PagesTest.html(pages.postForm("/edit/certifications/new", body(html, values, true)), 400);
            assertThat(Html.text(Html.element(page, "p", "validUntil-error")))
                    .contains(language.equals("en") ? "must be after validFrom" : "doit être postérieure");
        }
        pages.language("en");
        values.remove("activities");
        values.put("validUntil", "2025-01-01");
        String html = PagesTest.html(pages.get("/edit/certifications/new"), 200);
        String page = PagesTest.html(pages.postForm("/edit/certifications/new", body(html, values, true)), 400);
        assertThat(Html.text(Html.element(page, "p", "activities-error")))
                .contains("an HDS certificate covers at least one activity");
    }

    @Test
    void aRuleOfTheLedgerRefusingTheChangeIsShownAboveTheFormAndRecordsNothing() {
        String path = "/edit/certifications/" + certificate + "/reinstatement";
        String html = PagesTest.html(pages.get(path), 200);
        long before = eventCount();
        Map<String, String> values = Map.of("effectiveOn", "2021-01-01", "reason", "Not suspended at all");

        HttpResponse<String> posted = pages.postForm(path, body(html, values, true));

        assertThat(posted.statusCode()).isEqualTo(409);
        assertThat(Html.text(Html.element(posted.body(), "div", "error-summary")))
                .contains("The ledger refused this change:", "only a suspended certificate can be reinstated");
        assertThat(posted.body()).contains("Not suspended at all");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aRuleAboutOneFieldIsShownAtThatField() {
        String html = PagesTest.html(pages.get("/edit/hosts/new"), 200);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", "Orphan");
        values.put("country", "FR");
        values.put("parentCompany", "A parent without a country");
        values.put("effectiveOn", "2020-01-01");
        HttpResponse<String> posted = pages.postForm("/edit/hosts/new", body(html, values, true));
        assertThat(posted.statusCode()).isEqualTo(409);
        assertThat(Html.text(Html.element(posted.body(), "p", "parentCountry-error")))
                .contains("parentCountry is required when parentCompany is given");
    }

    // --- CSRF, double submit, roles ----------------------------------------------------------------------

    @Test
    void aPostWithoutTheCsrfTokenIsRefusedAndRecordsNothing() {
        Case c = forCase("decisions/challenge");
        String html = PagesTest.html(pages.get(c.path()), 200);
        long before = eventCount();
        String body = body(html, c.values(), true).replaceAll("(^|&)_csrf=[^&]*", "");
        assertThat(body).doesNotContain("_csrf");

        HttpResponse<String> posted = pages.postForm(c.path(), body);

        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void submittingTheSameFormTwiceRecordsOneEventAndLeadsToTheSamePage() {
        Case c = forCase("decisions/challenge");
        String html = PagesTest.html(pages.get(c.path()), 200);
        String body = body(html, c.values(), true);
        long before = eventCount();

        HttpResponse<String> first = pages.postForm(c.path(), body);
        HttpResponse<String> second = pages.postForm(c.path(), body);

        assertThat(first.statusCode()).isEqualTo(302);
        assertThat(second.statusCode()).isEqualTo(302);
        assertThat(second.headers().firstValue("Location"))
                .isEqualTo(first.headers().firstValue("Location"));
        assertThat(eventCount()).isEqualTo(before + 1);

        HttpResponse<String> changed = pages.postForm(c.path(), body.replace("Senator", "Deputy"));
        assertThat(changed.statusCode()).isEqualTo(409);
        assertThat(Html.text(changed.body())).contains("This form was already sent with other values");
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void addingASourceRowRedrawsTheFormWithWhatWasTypedAndRecordsNothing() {
        String html = PagesTest.html(pages.get("/edit/hosts/new"), 200);
        long before = eventCount();
        String body = body(html, Map.of("name", "Kept while adding"), false) + "&_addSource=1";
        String page = PagesTest.html(pages.postForm("/edit/hosts/new", body), 200);
        assertThat(page).contains("id=\"sources-1-title\"", "value=\"Kept while adding\"");
        assertThat(page).doesNotContain("error-summary");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theFormsAreForEditorsOnly() {
        PageClient anonymous = new PageClient(port);
        HttpResponse<String> toLogin = anonymous.get("/edit/hosts/new");
        assertThat(toLogin.statusCode()).isEqualTo(302);
        assertThat(toLogin.headers().firstValue("Location")).get().asString().endsWith("/login");

        PageClient reader = new PageClient(port);
        reader.login("reader", "reader-pass");
        assertThat(reader.get("/edit/hosts/new").statusCode()).isEqualTo(403);
    }

    @Test
    void aFormOnAnUnknownRecordIsA404Page() {
        PagesTest.html(pages.get("/edit/hosts/no-such-host/correction"), 404);
        PagesTest.html(pages.get("/edit/hosts/" + host + "/no-such-form"), 404);
    }

    @Test
    void anEditorSeesTheFormsLinkedFromTheRecordsPages() {
        String hostPage = PagesTest.html(pages.get("/hosts/" + host + "?awaitPosition=" + head()), 200);
        assertThat(Html.hrefs(hostPage))
                .contains(
                        "/edit/hosts/" + host + "/correction",
                        "/edit/certifications/" + certificate + "/suspension",
                        "/edit/certifications/new?hostId=" + host);
        String decisionPage = PagesTest.html(pages.get("/decisions/" + decision), 200);
        assertThat(Html.hrefs(decisionPage)).contains("/edit/decisions/" + decision + "/challenge");
        String anonymousPage = PagesTest.html(new PageClient(port).get("/hosts/" + host), 200);
        assertThat(anonymousPage).doesNotContain("/edit/");
    }

    // --- Helpers ------------------------------------------------------------------------------------------

    /** The form's hidden fields (CSRF token, submission key, originals) and these values, form-encoded. */
    static String body(String html, Map<String, String> values, boolean withSource) {
        List<String> pairs = new ArrayList<>();
        pairs.add("_csrf=" + enc(PageClient.csrf(html)));
        pairs.add("_submission=" + enc(PageClient.submission(html)));
        java.util.regex.Matcher original = java.util.regex.Pattern.compile(
                        "type=\"hidden\" name=\"(_original\\.[A-Za-z]+)\" value=\"([^\"]*)\"")
                .matcher(html);
        while (original.find()) {
            pairs.add(enc(original.group(1)) + "=" + enc(unescape(original.group(2))));
        }
        java.util.regex.Matcher current = java.util.regex.Pattern.compile(
                        "<input type=\"(?:text|date)\" id=\"[^\"]+\" name=\"([A-Za-z]+)\" value=\"([^\"]*)\"")
                .matcher(html);
        Map<String, String> all = new LinkedHashMap<>();
        while (current.find()) {
            all.put(current.group(1), unescape(current.group(2)));
        }
        java.util.regex.Matcher text = java.util.regex.Pattern.compile(
                        "<textarea id=\"[^\"]+\" name=\"([A-Za-z]+)\"[^>]*>([^<]*)</textarea>")
                .matcher(html);
        while (text.find()) {
            all.put(text.group(1), unescape(text.group(2)));
        }
        java.util.regex.Matcher checked = java.util.regex.Pattern.compile(
                        "name=\"activities\" id=\"activities-\\d\" value=\"(\\d)\" checked=\"checked\"")
                .matcher(html);
        List<String> activities = new ArrayList<>();
        while (checked.find()) {
            activities.add(checked.group(1));
        }
        if (!activities.isEmpty()) {
            all.put("activities", String.join(",", activities));
        }
        all.putAll(values);
        all.forEach((name, value) -> {
            if (name.equals("activities")) {
                for (String a : value.split(",")) {
                    if (!a.isBlank()) {
                        pairs.add("activities=" + a);
                    }
                }
            } else {
                pairs.add(enc(name) + "=" + enc(value));
            }
        });
        if (withSource) {
            pairs.add(enc("sources[0].title") + "=" + enc("Official journal"));
            pairs.add(enc("sources[0].url") + "=" + enc("https://example.org/jo"));
            pairs.add(enc("sources[0].publishedOn") + "=2021-01-01");
        }
        return String.join("&", pairs);
    }

    /** Every field of the case emptied, the scheme included, so that each required one must complain. */
    private static Map<String, String> blanks(Case c) {
        Map<String, String> values = new LinkedHashMap<>();
        c.values().keySet().forEach(name -> values.put(name, ""));
        values.put("scheme", "");
        return values;
    }

    private String follow(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 3 && current.statusCode() == 302; hops++) {
            String location = current.headers().firstValue("Location").orElseThrow();
            location = location.replaceFirst("^https?://[^/]+", "").replaceFirst("#.*$", "");
            current = pages.get(location);
        }
        return PagesTest.html(current, 200);
    }

    private static String position(HttpResponse<String> redirect) {
        String location = redirect.headers().firstValue("Location").orElseThrow();
        return location.replaceFirst(".*awaitPosition=(\\d+).*", "$1");
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String unescape(String text) {
        return text.replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }
}
