package org.hostledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * JSON is read as written: a value of the wrong JSON type is refused, never converted. Each class of coercion, an
 * unknown field and a repeated key, on several write endpoints: a 400 naming the field, and no event.
 */
class StrictInputTest extends IntegrationTest {

    private static final String SOURCES = "[{\"title\":\"t\"}]";

    /** A valid body of one endpoint, written so that a test can swap one field's value for another. */
    record Endpoint(String name, String path, String body) {
        String with(String field, String json) {
            String marker = "\"" + field + "\":";
            int at = body.indexOf(marker);
            if (at < 0) {
                // The field is absent from the valid body: add it first.
                return "{" + marker + json + "," + body.substring(1);
            }
            int start = at + marker.length();
            int end = valueEnd(body, start);
            return body.substring(0, start) + json + body.substring(end);
        }

        private static int valueEnd(String json, int start) {
            int depth = 0;
            boolean text = false;
            for (int i = start; i < json.length(); i++) {
                char c = json.charAt(i);
                if (text) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        text = false;
                    }
                } else if (c == '"') {
                    text = true;
                } else if (c == '[' || c == '{') {
                    depth++;
                } else if (c == ']' || c == '}') {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                } else if (c == ',' && depth == 0) {
                    return i;
                }
            }
            return json.length();
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final Endpoint HOST = new Endpoint(
            "register a host",
            "/api/hosts",
            "{\"name\":\"X\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\",\"sources\":" + SOURCES + "}");
    private static final Endpoint GRANT = new Endpoint(
            "grant a certificate",
            "/api/certifications",
            "{\"hostId\":\"ovh\",\"scheme\":\"HDS\",\"referential\":\"v1\",\"certifier\":\"AFNOR\","
                    + "\"activities\":[1,2],\"validFrom\":\"2020-01-01\",\"validUntil\":\"2022-01-01\","
                    + "\"sources\":" + SOURCES + "}");
    private static final Endpoint SCOPE = new Endpoint(
            "change a certificate's scope",
            "/api/certifications/ovh-hds/scope-changes",
            "{\"activities\":[1],\"effectiveOn\":\"2025-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES + "}");
    private static final Endpoint DECIDE = new Endpoint(
            "record a decision",
            "/api/decisions",
            "{\"controller\":\"C\",\"system\":\"S\",\"hostId\":\"ovh\",\"activities\":[1],"
                    + "\"decidedOn\":\"2020-01-01\",\"procurement\":\"PUBLIC_TENDER\",\"rationale\":\"r\","
                    + "\"sources\":" + SOURCES + "}");
    private static final Endpoint CHALLENGE = new Endpoint(
            "challenge a decision",
            "/api/decisions/hdh-azure/challenges",
            "{\"by\":\"x\",\"effectiveOn\":\"2021-01-01\",\"argument\":\"a\",\"sources\":" + SOURCES + "}");

    /** A hostile variant of a valid body, and the field the answer must name. */
    record Variant(String name, Endpoint endpoint, String body, String field) {
        @Override
        public String toString() {
            return endpoint.name() + ": " + name;
        }
    }

    static Stream<Arguments> variants() {
        List<Variant> variants = new ArrayList<>();
        // number, boolean, object, array where text belongs
        variants.add(new Variant("big number as text", HOST, HOST.with("name", "12345678901234567890"), "name"));
        variants.add(new Variant("integer as text", GRANT, GRANT.with("certifier", "42"), "certifier"));
        variants.add(new Variant("decimal as text", DECIDE, DECIDE.with("system", "4.2"), "system"));
        variants.add(new Variant("boolean as text", CHALLENGE, CHALLENGE.with("argument", "true"), "argument"));
        variants.add(new Variant("boolean as an id", HOST, HOST.with("id", "false"), "id"));
        variants.add(new Variant("object as text", DECIDE, DECIDE.with("rationale", "{\"a\":1}"), "rationale"));
        variants.add(new Variant("array as text", HOST, HOST.with("country", "[\"FR\"]"), "country"));
        variants.add(new Variant("number as a date", SCOPE, SCOPE.with("effectiveOn", "20250101"), "effectiveOn"));
        variants.add(new Variant("number as an enum", DECIDE, DECIDE.with("procurement", "0"), "procurement"));
        variants.add(new Variant(
                "number as a source title", HOST, HOST.with("sources", "[{\"title\":7}]"), "sources[0].title"));
        // text, boolean, decimal where a whole number belongs
        variants.add(new Variant("text as a number", GRANT, GRANT.with("activities", "[\"1\"]"), "activities[0]"));
        variants.add(new Variant("boolean as a number", SCOPE, SCOPE.with("activities", "[true]"), "activities[0]"));
        variants.add(new Variant("decimal as a number", DECIDE, DECIDE.with("activities", "[1.0]"), "activities[0]"));
        // a single value where a list belongs
        variants.add(new Variant("single number as a list", GRANT, GRANT.with("activities", "1"), "activities"));
        variants.add(new Variant(
                "single object as a list", CHALLENGE, CHALLENGE.with("sources", "{\"title\":\"t\"}"), "sources"));
        variants.add(new Variant("empty text as a list", HOST, HOST.with("sources", "\"\""), "sources"));
        // unknown fields, at the top and nested
        variants.add(new Variant("unknown field", GRANT, GRANT.with("approvedBy", "\"me\""), "approvedBy"));
        variants.add(new Variant(
                "unknown nested field", SCOPE, SCOPE.with("sources", "[{\"title\":\"t\",\"x\":1}]"), "sources[0].x"));
        // repeated keys, at the top and nested
        variants.add(new Variant("repeated key", DECIDE, DECIDE.with("system", "\"S\",\"system\":\"T\""), "system"));
        variants.add(new Variant(
                "repeated nested key",
                CHALLENGE,
                CHALLENGE.with("sources", "[{\"title\":\"t\",\"title\":\"u\"}]"),
                "sources[0].title"));
        return variants.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void aValueOfTheWrongShapeIsRefusedNamingTheFieldAndRecordsNothing(Variant variant) {
        long before = eventCount();
        Http.Response response = post(variant.endpoint().path(), variant.body());
        assertThat(response.status()).as(variant + " " + response).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode errors = response.json().get("errors");
        assertThat(errors).as(response.toString()).isNotNull();
        assertThat(errors.get(0).get("field").asText()).as(response.toString()).isEqualTo(variant.field());
        assertThat(eventCount()).as("nothing recorded").isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("validBodies")
    void theValidBodiesTheVariantsStartFromAreAccepted(Endpoint endpoint) {
        // Guards the table above: each hostile body differs from an accepted one by one field only.
        Http.Response response = post(endpoint.path(), endpoint.body());
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    static Stream<Arguments> validBodies() {
        return Stream.of(HOST, GRANT, DECIDE, CHALLENGE, SCOPE).map(Arguments::of);
    }
}
