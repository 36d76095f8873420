package org.hostledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Hostile or malformed requests, table-driven: every one is answered 4xx with problem+json — never 5xx — and the
 * ledger records nothing.
 */
class HostileInputTest extends IntegrationTest {

    private static final String SOURCES = "[{\"title\":\"t\"}]";
    private static final String HOST =
            "{\"name\":\"X\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\",\"sources\":" + SOURCES + "}";

    /** One hostile request: how to send it, and the status it must get. */
    record Case(String name, Function<Http, Http.Response> send, int status) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case post(String name, String path, String body, int status) {
        return new Case(name, http -> http.at(path).editor().post(body).send(), status);
    }

    /** The valid host body with the first occurrence of {@code replaceWhat} replaced. */
    private static Case host(String name, String replaceWhat, String with, int status) {
        int at = HOST.indexOf(replaceWhat);
        String body = HOST.substring(0, at) + with + HOST.substring(at + replaceWhat.length());
        return post(name, "/api/hosts", body, status);
    }

    private static Case get(String name, String path, int status) {
        return new Case(name, http -> http.at(path).auditor().send(), status);
    }

    static Stream<Arguments> cases() {
        List<Case> cases = new ArrayList<>();
        // Who may write
        cases.add(new Case(
                "no credentials", http -> http.at("/api/hosts").post(HOST).send(), 401));
        cases.add(new Case(
                "wrong password",
                http -> http.at("/api/hosts").as("editor", "guess").post(HOST).send(),
                401));
        cases.add(new Case(
                "unknown user",
                http -> http.at("/api/hosts").as("mallory", "x").post(HOST).send(),
                401));
        cases.add(new Case(
                "malformed basic header",
                http -> http.at("/api/hosts")
                        .header("Authorization", "Basic ###")
                        .post(HOST)
                        .send(),
                401));
        cases.add(new Case(
                "bearer token where none is configured",
                http -> http.at("/api/hosts")
                        .header("Authorization", "Bearer abc.def.ghi")
                        .post(HOST)
                        .send(),
                401));
        cases.add(new Case(
                "user without roles writes",
                http -> http.at("/api/hosts")
                        .as("reader", "reader-pass")
                        .post(HOST)
                        .send(),
                403));
        cases.add(new Case(
                "auditor writes",
                http -> http.at("/api/hosts").auditor().post(HOST).send(),
                403));
        cases.add(new Case(
                "editor replays a projection",
                http -> http.at("/api/admin/projections/registry/replay")
                        .editor()
                        .post("")
                        .send(),
                403));
        cases.add(new Case(
                "editor reads the audit trail",
                http -> http.at("/api/audit/events").editor().send(),
                403));
        cases.add(new Case("anonymous metrics", http -> http.get("/actuator/env"), 401));
        // Forged identity
        cases.add(host("forged actor field", "{", "{\"actor\":\"minister\",", 400));
        cases.add(post(
                "forged actor inside a source",
                "/api/hosts",
                HOST.replace("{\"title\":\"t\"}", "{\"title\":\"t\",\"actor\":\"minister\"}"),
                400));
        // Bombs and nesting
        cases.add(post("deeply nested arrays", "/api/hosts", "[".repeat(5000) + "]".repeat(5000), 400));
        cases.add(post("deeply nested objects", "/api/hosts", "{\"a\":".repeat(500) + "1" + "}".repeat(500), 400));
        cases.add(post("10 MB body", "/api/hosts", "{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}", 413));
        cases.add(new Case("10 MB chunked body", HostileInputTest::chunkedTenMegabytes, 413));
        cases.add(host("huge number", "\"2020-01-01\"", "1" + "0".repeat(5000), 400));
        cases.add(host("text of 200000 characters", "\"X\"", "\"" + "x".repeat(200_000) + "\"", 400));
        cases.add(host("duplicate keys", "{", "{\"name\":\"Y\",", 400));
        cases.add(post("trailing garbage", "/api/hosts", HOST + " {\"more\":1}", 400));
        cases.add(post("JSON null", "/api/hosts", "null", 400));
        cases.add(post("empty object", "/api/hosts", "{}", 400));
        cases.add(new Case(
                "invalid UTF-8",
                http -> http.at("/api/hosts")
                        .editor()
                        .postBytes(
                                new byte[] {
                                    '{', '"', 'n', 'a', 'm', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'
                                },
                                "application/json")
                        .send(),
                400));
        // Control characters, scripts and SQL where they do not belong
        cases.add(host("NUL and escape in a name", "\"X\"", "\"X\\u0000\\u001b[2J\"", 400));
        cases.add(host("right-to-left override in a name", "\"X\"", "\"X\\u202Egnp.exe\"", 400));
        cases.add(host("line break in a one-line field", "\"X\"", "\"X\\nSet-Cookie: a=b\"", 400));
        cases.add(host("script as an id", "{", "{\"id\":\"<script>alert(1)</script>\",", 400));
        cases.add(host("SQL as an id", "{", "{\"id\":\"x'; DROP TABLE domain_event_entry; --\",", 400));
        cases.add(host("SQL as a country", "\"FR\"", "\"FR' OR '1'='1\"", 400));
        cases.add(get("SQL in a filter", "/api/decisions?status=ACTIVE%27%20OR%201%3D1", 400));
        cases.add(get("SQL in an audit filter", "/api/audit/events?aggregateType=Host%27--", 400));
        cases.add(host(
                "javascript source address",
                "{\"title\":\"t\"}",
                "{\"title\":\"t\",\"url\":\"javascript:alert(1)\"}",
                400));
        // Wrong content types
        cases.add(new Case(
                "text/plain body",
                http -> http.at("/api/hosts").editor().post(HOST, "text/plain").send(),
                415));
        cases.add(new Case(
                "XML body",
                http -> http.at("/api/hosts")
                        .editor()
                        .post("<host><name>X</name></host>", "application/xml")
                        .send(),
                415));
        cases.add(new Case(
                "form body",
                http -> http.at("/api/hosts")
                        .editor()
                        .post("name=X&country=FR", "application/x-www-form-urlencoded")
                        .send(),
                415));
        cases.add(new Case(
                "form body with a parameter name the firewall refuses (found by WriteFuzzTest)",
                http -> http.at("/api/hosts/ovh/ownership-changes")
                        .editor()
                        .post("\u0dfb\u2a91=1", "application/x-www-form-urlencoded")
                        .send(),
                400));
        // Path traversal and odd ids in paths
        cases.add(post("traversal in an id", "/api/certifications/..%2F..%2Fetc%2Fpasswd/suspensions", SOURCES, 400));
        cases.add(post("NUL in an id (found by WriteFuzzTest)", "/api/hosts/%00/ownership-changes", SOURCES, 400));
        cases.add(post("dot-dot segment", "/api/hosts/%2e%2e/corrections", SOURCES, 400));
        cases.add(post(
                "upper-case id in a path",
                "/api/certifications/OVH-HDS/suspensions",
                "{\"effectiveOn\":\"2020-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES + "}",
                404));
        cases.add(post(
                "id of another kind",
                "/api/decisions/ovh/challenges",
                "{\"by\":\"x\",\"effectiveOn\":\"2020-01-01\",\"argument\":\"a\",\"sources\":" + SOURCES + "}",
                404));
        // Enums, numbers and dates out of range
        cases.add(post(
                "unknown procurement",
                "/api/decisions",
                "{\"controller\":\"C\",\"system\":\"S\",\"hostId\":\"ovh\","
                        + "\"activities\":[1],\"decidedOn\":\"2020-01-01\",\"procurement\":\"public_tender\",\"rationale\":\"r\","
                        + "\"sources\":" + SOURCES + "}",
                400));
        cases.add(host("year 9999", "2020-01-01", "9999-12-31", 400));
        cases.add(host("negative year", "2020-01-01", "-0001-01-01", 400));
        cases.add(host("date and time for a date", "2020-01-01", "2020-01-01T10:00:00", 400));
        cases.add(post(
                "fractional activity",
                "/api/certifications/ovh-hds/scope-changes",
                "{\"activities\":[1.5],\"effectiveOn\":\"2025-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES + "}",
                400));
        cases.add(post(
                "null activity",
                "/api/certifications/ovh-hds/scope-changes",
                "{\"activities\":[null],\"effectiveOn\":\"2025-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES + "}",
                400));
        cases.add(host("null source", SOURCES, "[null]", 400));
        cases.add(host(
                "fifty-one sources",
                SOURCES,
                "[" + String.join(",", java.util.Collections.nCopies(51, "{\"title\":\"t\"}")) + "]",
                400));
        // Headers
        cases.add(new Case(
                "idempotency key with a control character",
                http -> http.at("/api/hosts")
                        .editor()
                        .header("Idempotency-Key", "a b")
                        .post(HOST)
                        .send(),
                400));
        cases.add(new Case(
                "malformed If-Match",
                http -> http.at("/api/certifications/ovh-hds/suspensions")
                        .editor()
                        .header("If-Match", "\"version one\"")
                        .post("{\"effectiveOn\":\"2025-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES + "}")
                        .send(),
                400));
        cases.add(new Case(
                "stale If-Match",
                http -> http.at("/api/certifications/ovh-hds/suspensions")
                        .editor()
                        .header("If-Match", "\"0\"")
                        .post("{\"effectiveOn\":\"2025-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES + "}")
                        .send(),
                412));
        cases.add(new Case(
                "DELETE is not a verb of this API",
                http -> http.at("/api/hosts/ovh").editor().method("DELETE").send(),
                405));
        cases.add(get("page of a million", "/api/decisions?size=1000000", 400));
        cases.add(get("export over the limit", "/api/audit/events?limit=100000000", 400));
        return cases.stream().map(c -> Arguments.of(c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void aHostileRequestIsRefusedWithAProblemAndChangesNothing(Case hostile) {
        long before = eventCount();
        Http.Response response = hostile.send().apply(http);
        assertThat(response.status())
                .as(hostile.name() + ": " + abbreviated(response))
                .isEqualTo(hostile.status());
        assertThat(response.contentType()).as(hostile.name()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(hostile.status());
        assertThat(response.body())
                .doesNotContain("Exception")
                .doesNotContain("at org.")
                .doesNotContain("SQL");
        assertThat(eventCount()).as("nothing recorded").isEqualTo(before);
    }

    private static String abbreviated(Http.Response response) {
        String body = response.body();
        return response.status() + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }

    /** Ten megabytes with no declared length: the limit must hold while reading. */
    private static Http.Response chunkedTenMegabytes(Http http) {
        byte[] body = ("{\"name\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}").getBytes(StandardCharsets.UTF_8);
        return http.at("/api/hosts")
                .editor()
                .postStream(() -> new ByteArrayInputStream(body), "application/json")
                .send();
    }
}
