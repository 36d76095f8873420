package org.hostledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.stream.Stream;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every write endpoint over HTTP: its success, and bad inputs answered with the right problem and no event. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WriteApiTest extends IntegrationTest {

    private String host;
    private String cert;
    private String decision;

    @BeforeAll
    void records() {
        http = new Http(port);
        host = id("wh");
        cert = id("wc");
        decision = id("wd");
        registerHost(host, "FR", null, null);
        grant(cert, host, "[1,2,3,4,5,6]", "2018-06-01", "2021-06-01");
        decide(decision, host, "[1,2,3]", "2019-01-01");
    }

    @Test
    void registeringAHostAnswers201WithLocationVersionAndPosition() {
        String id = id("h");
        long before = eventCount();
        Http.Response response = post(
                "/api/hosts",
                "{\"id\":\"" + id + "\",\"name\":\"Acme\",\"country\":\"FR\","
                        + "\"parentCompany\":\"Acme Holdings\",\"parentCountry\":\"US\",\"effectiveOn\":\"2020-01-01\","
                        + "\"sources\":" + sources() + "}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith("/api/hosts/" + id);
        assertThat(response.header("ETag")).isEqualTo("\"0\"");
        assertThat(response.json().get("id").asText()).isEqualTo(id);
        assertThat(Long.parseLong(response.header("X-Ledger-Position"))).isEqualTo(before + 1);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void withoutAnIdTheServerMakesOne() {
        Http.Response response = post(
                "/api/hosts",
                "{\"name\":\"Anonymous\",\"country\":\"DE\"," + "\"effectiveOn\":\"2020-01-01\",\"sources\":"
                        + sources() + "}");
        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().get("id").asText()).matches("host-[0-9a-f]{16}");
    }

    @Test
    void everyLifecycleEndpointRecordsItsEvent() {
        String h = id("lh");
        String c = id("lc");
        String d = id("ld");
        registerHost(h, "FR", null, null);
        grant(c, h, "[1,2]", "2018-06-01", "2021-06-01");
        decide(d, h, "[1,2]", "2019-01-01");
        String lifecycle = "{\"effectiveOn\":\"%s\",\"reason\":\"r\",\"sources\":" + sources() + "}";
        long before = eventCount();
        assertCreated(
                post(
                        "/api/hosts/" + h + "/ownership-changes",
                        "{\"parentCompany\":\"Big Co\","
                                + "\"parentCountry\":\"US\",\"effectiveOn\":\"2020-01-01\",\"reason\":\"sold\",\"sources\":"
                                + sources()
                                + "}"),
                "/api/hosts/" + h,
                1);
        assertCreated(
                post(
                        "/api/hosts/" + h + "/corrections",
                        "{\"name\":\"Renamed\",\"reason\":\"typo\"," + "\"sources\":" + sources() + "}"),
                "/api/hosts/" + h,
                2);
        assertCreated(
                post("/api/certifications/" + c + "/suspensions", lifecycle.formatted("2019-01-01")),
                "/api/certifications/" + c,
                1);
        assertCreated(
                post("/api/certifications/" + c + "/reinstatements", lifecycle.formatted("2019-02-01")),
                "/api/certifications/" + c,
                2);
        assertCreated(
                post(
                        "/api/certifications/" + c + "/scope-changes",
                        "{\"activities\":[1]," + "\"effectiveOn\":\"2019-03-01\",\"reason\":\"narrowed\",\"sources\":"
                                + sources() + "}"),
                "/api/certifications/" + c,
                3);
        assertCreated(
                post(
                        "/api/certifications/" + c + "/renewals",
                        "{\"validUntil\":\"2024-06-01\","
                                + "\"referential\":\"v2.0\",\"effectiveOn\":\"2021-05-01\",\"sources\":" + sources()
                                + "}"),
                "/api/certifications/" + c,
                4);
        assertCreated(
                post(
                        "/api/certifications/" + c + "/corrections",
                        "{\"certifier\":\"LNE\",\"reason\":\"typo\"," + "\"sources\":" + sources() + "}"),
                "/api/certifications/" + c,
                5);
        assertCreated(
                post("/api/certifications/" + c + "/withdrawals", lifecycle.formatted("2022-01-01")),
                "/api/certifications/" + c,
                6);
        assertCreated(
                post(
                        "/api/decisions/" + d + "/challenges",
                        "{\"by\":\"A senator\",\"effectiveOn\":\"2020-05-27\","
                                + "\"argument\":\"US provider\",\"forum\":\"Sénat\",\"sources\":" + sources() + "}"),
                "/api/decisions/" + d,
                1);
        assertCreated(
                post(
                        "/api/decisions/" + d + "/migration-plans",
                        "{\"target\":\"a European host\","
                                + "\"targetDate\":\"2022-01-01\",\"effectiveOn\":\"2020-11-01\",\"rationale\":\"sovereignty\","
                                + "\"sources\":" + sources() + "}"),
                "/api/decisions/" + d,
                2);
        assertCreated(
                post(
                        "/api/decisions/" + d + "/corrections",
                        "{\"procurement\":\"NO_TENDER\",\"reason\":\"wrong route\"," + "\"sources\":" + sources()
                                + "}"),
                "/api/decisions/" + d,
                3);
        assertCreated(
                post(
                        "/api/decisions/" + d + "/endings",
                        "{\"effectiveOn\":\"2023-01-01\",\"reason\":\"migrated\"," + "\"sources\":" + sources() + "}"),
                "/api/decisions/" + d,
                4);
        assertThat(eventCount()).isEqualTo(before + 12);
    }

    private static void assertCreated(Http.Response response, String location, long version) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        assertThat(response.header("Location")).endsWith(location);
        assertThat(response.json().get("version").asLong()).isEqualTo(version);
        assertThat(response.header("ETag")).isEqualTo("\"" + version + "\"");
    }

    @Test
    void theActorOfEveryEventIsTheAuthenticatedUser() {
        String h = id("ah");
        registerHost(h, "FR", null, null);
        String metadata = new String(jdbc.queryForObject(
                "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ?", byte[].class, h));
        assertThat(metadata).contains("\"actor\":\"editor\"").contains("\"correlationId\"");
    }

    Stream<Arguments> badInputs() {
        String src = sources();
        String hostBody = "{\"name\":\"X\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\",\"sources\":" + src + "}";
        String certBody = "{\"hostId\":\"%s\",\"scheme\":\"HDS\",\"referential\":\"v1\",\"certifier\":\"LNE\","
                + "\"activities\":%s,\"validFrom\":\"%s\",\"validUntil\":\"%s\",\"sources\":" + src + "}";
        String decisionBody = "{\"controller\":\"C\",\"system\":\"S\",\"hostId\":\"%s\",\"activities\":[1],"
                + "\"decidedOn\":\"2020-01-01\",\"procurement\":\"%s\",\"rationale\":\"R\",\"sources\":" + src + "}";
        String lifecycle = "{\"effectiveOn\":\"2019-01-01\",\"reason\":\"r\",\"sources\":" + src + "}";
        return Stream.of(
                Arguments.of("malformed JSON", "/api/hosts", "{\"name\": \"X\",", 400, null),
                Arguments.of("not an object", "/api/hosts", "[1,2,3]", 400, null),
                Arguments.of("empty body", "/api/hosts", "", 400, null),
                Arguments.of("missing name", "/api/hosts", hostBody.replace("\"name\":\"X\",", ""), 400, "name"),
                Arguments.of(
                        "missing sources",
                        "/api/hosts",
                        "{\"name\":\"X\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\"}",
                        400,
                        "sources"),
                Arguments.of("empty sources", "/api/hosts", hostBody.replace(src, "[]"), 400, "sources"),
                Arguments.of("unknown country", "/api/hosts", hostBody.replace("\"FR\"", "\"XX\""), 400, "country"),
                Arguments.of(
                        "wrong date format",
                        "/api/hosts",
                        hostBody.replace("2020-01-01", "01/01/2020"),
                        400,
                        "effectiveOn"),
                Arguments.of(
                        "impossible date",
                        "/api/hosts",
                        hostBody.replace("2020-01-01", "2020-02-30"),
                        400,
                        "effectiveOn"),
                Arguments.of(
                        "date out of range",
                        "/api/hosts",
                        hostBody.replace("2020-01-01", "1066-10-14"),
                        400,
                        "effectiveOn"),
                Arguments.of(
                        "oversize text",
                        "/api/hosts",
                        hostBody.replace("\"X\"", "\"" + "x".repeat(10_000) + "\""),
                        400,
                        "name"),
                Arguments.of(
                        "bad client id", "/api/hosts", hostBody.replaceFirst("\\{", "{\"id\":\"../etc\","), 400, "id"),
                Arguments.of(
                        "unknown field",
                        "/api/hosts",
                        hostBody.replaceFirst("\\{", "{\"actor\":\"mallory\","),
                        400,
                        "actor"),
                Arguments.of(
                        "duplicate id",
                        "/api/hosts",
                        hostBody.replaceFirst("\\{", "{\"id\":\"" + host + "\","),
                        409,
                        "id"),
                Arguments.of(
                        "activity 7",
                        "/api/certifications",
                        certBody.formatted(host, "[1,7]", "2018-01-01", "2020-01-01"),
                        400,
                        "activities[1]"),
                Arguments.of(
                        "empty activity list",
                        "/api/certifications",
                        certBody.formatted(host, "[]", "2018-01-01", "2020-01-01"),
                        400,
                        "activities"),
                Arguments.of(
                        "reversed validity window",
                        "/api/certifications",
                        certBody.formatted(host, "[1]", "2020-01-01", "2018-01-01"),
                        400,
                        "validUntil"),
                Arguments.of(
                        "validity over three years",
                        "/api/certifications",
                        certBody.formatted(host, "[1]", "2018-01-01", "2022-01-01"),
                        409,
                        "validUntil"),
                Arguments.of(
                        "unknown host",
                        "/api/certifications",
                        certBody.formatted("nobody-here", "[1]", "2018-01-01", "2020-01-01"),
                        409,
                        "hostId"),
                Arguments.of(
                        "unknown procurement",
                        "/api/decisions",
                        decisionBody.formatted(host, "BRIBERY"),
                        400,
                        "procurement"),
                Arguments.of(
                        "decision on unknown host",
                        "/api/decisions",
                        decisionBody.formatted("nobody-here", "UNKNOWN"),
                        409,
                        "hostId"),
                Arguments.of(
                        "unknown certificate", "/api/certifications/no-such-cert/suspensions", lifecycle, 404, null),
                Arguments.of(
                        "host id used as certificate",
                        "/api/certifications/" + host + "/suspensions",
                        lifecycle,
                        404,
                        null),
                Arguments.of(
                        "reinstating a valid certificate",
                        "/api/certifications/" + cert + "/reinstatements",
                        lifecycle,
                        409,
                        null),
                Arguments.of(
                        "challenge before the decision",
                        "/api/decisions/" + decision + "/challenges",
                        "{\"by\":\"X\",\"effectiveOn\":\"2010-01-01\",\"argument\":\"A\",\"sources\":" + src + "}",
                        409,
                        "effectiveOn"),
                Arguments.of(
                        "number as text",
                        "/api/certifications",
                        certBody.formatted(host, "[\"1\"]", "2018-01-01", "2020-01-01"),
                        400,
                        "activities[0]"),
                Arguments.of(
                        "control characters",
                        "/api/hosts",
                        hostBody.replace("\"X\"", "\"X\\u0000\\u001b[31m\""),
                        400,
                        "name"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void aBadInputIsAnsweredWithAProblemAndRecordsNothing(
            String what, String path, String body, int status, String field) {
        long before = eventCount();
        Http.Response response = post(path, body);
        assertThat(response.status()).as(what + ": " + response).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText())
                .isNotBlank()
                .doesNotContain("Exception")
                .doesNotContain("SELECT");
        if (field != null) {
            assertThat(problem.get("errors")).as(response.toString()).isNotNull();
            assertThat(problem.get("errors").findValuesAsText("field")).contains(field);
        }
        assertThat(eventCount()).as("no event appended").isEqualTo(before);
    }

    @Test
    void aWrongContentTypeIs415() {
        long before = eventCount();
        Http.Response response = http.at("/api/hosts")
                .editor()
                .post("name=X", "application/x-www-form-urlencoded")
                .send();
        assertThat(response.status()).isEqualTo(415);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }
}
