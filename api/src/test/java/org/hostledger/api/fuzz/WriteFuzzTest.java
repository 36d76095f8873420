package org.hostledger.api.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import org.hostledger.api.HostLedgerApplication;
import org.hostledger.api.Http;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Property-based fuzzing of every write endpoint that records facts: random and mutated bodies, ids and headers, sent
 * to the running application as the editor. Whatever is sent: never a 5xx; a refusal is problem+json and records
 * nothing; an acceptance records exactly one event; and the hash chain still verifies afterwards.
 */
class WriteFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String SOURCES = "[{\"title\":\"t\",\"url\":\"https://example.org/a\"}]";
    private static final AtomicLong KEYS = new AtomicLong();
    private static final Map<String, AtomicLong> CASES = new ConcurrentHashMap<>();

    private static ConfigurableApplicationContext app;
    private static Http http;
    private static JdbcTemplate jdbc;

    /** One write endpoint: its path with {id}, an id of the right kind, and a body it accepts. */
    record Endpoint(String name, String path, String id, String body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Endpoint> ENDPOINTS = List.of(
            new Endpoint(
                    "register host",
                    "/api/hosts",
                    null,
                    "{\"name\":\"Fuzz host\",\"country\":\"FR\",\"parentCompany\":\"P\",\"parentCountry\":\"US\","
                            + "\"effectiveOn\":\"2020-01-01\",\"sources\":" + SOURCES + "}"),
            new Endpoint(
                    "change ownership",
                    "/api/hosts/{id}/ownership-changes",
                    "ovh",
                    "{\"parentCompany\":\"P\",\"parentCountry\":\"FR\",\"effectiveOn\":\"2024-01-01\","
                            + "\"reason\":\"r\",\"sources\":" + SOURCES + "}"),
            new Endpoint(
                    "correct host",
                    "/api/hosts/{id}/corrections",
                    "ovh",
                    "{\"name\":\"OVHcloud\",\"reason\":\"typo\",\"sources\":" + SOURCES + "}"),
            new Endpoint(
                    "grant certificate",
                    "/api/certifications",
                    null,
                    "{\"hostId\":\"ovh\",\"scheme\":\"HDS\",\"referential\":\"v1\",\"certifier\":\"AFNOR\","
                            + "\"activities\":[1,2],\"scope\":\"s\",\"validFrom\":\"2020-01-01\","
                            + "\"validUntil\":\"2023-01-01\",\"sources\":" + SOURCES + "}"),
            lifecycle("suspend certificate", "suspensions"),
            lifecycle("reinstate certificate", "reinstatements"),
            lifecycle("withdraw certificate", "withdrawals"),
            new Endpoint(
                    "renew certificate",
                    "/api/certifications/{id}/renewals",
                    "ovh-hds",
                    "{\"validUntil\":\"2030-01-01\",\"referential\":\"v2\",\"effectiveOn\":\"2024-01-01\","
                            + "\"sources\":" + SOURCES + "}"),
            new Endpoint(
                    "change certificate scope",
                    "/api/certifications/{id}/scope-changes",
                    "ovh-hds",
                    "{\"activities\":[1,2,3],\"effectiveOn\":\"2024-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES
                            + "}"),
            new Endpoint(
                    "correct certificate",
                    "/api/certifications/{id}/corrections",
                    "ovh-hds",
                    "{\"certifier\":\"AFNOR Certification\",\"reason\":\"r\",\"sources\":" + SOURCES + "}"),
            new Endpoint(
                    "record decision",
                    "/api/decisions",
                    null,
                    "{\"controller\":\"C\",\"system\":\"S\",\"hostId\":\"ovh\",\"activities\":[1],"
                            + "\"decidedOn\":\"2020-01-01\",\"procurement\":\"NO_TENDER\",\"contractor\":\"K\","
                            + "\"rationale\":\"r\",\"alternatives\":[\"a\"],\"sources\":" + SOURCES + "}"),
            new Endpoint(
                    "challenge decision",
                    "/api/decisions/{id}/challenges",
                    "hdh-azure",
                    "{\"by\":\"x\",\"effectiveOn\":\"2021-01-01\",\"argument\":\"a\",\"forum\":\"f\"," + "\"sources\":"
                            + SOURCES + "}"),
            new Endpoint(
                    "plan migration",
                    "/api/decisions/{id}/migration-plans",
                    "hdh-azure",
                    "{\"targetHostId\":\"ovh\",\"targetDate\":\"2026-01-01\",\"effectiveOn\":\"2022-01-01\","
                            + "\"rationale\":\"r\",\"sources\":" + SOURCES + "}"),
            new Endpoint(
                    "end decision",
                    "/api/decisions/{id}/endings",
                    "hdh-azure",
                    "{\"effectiveOn\":\"2030-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES + "}"),
            new Endpoint(
                    "correct decision",
                    "/api/decisions/{id}/corrections",
                    "hdh-azure",
                    "{\"rationale\":\"r2\",\"reason\":\"r\",\"sources\":" + SOURCES + "}"));

    private static Endpoint lifecycle(String name, String what) {
        return new Endpoint(
                name,
                "/api/certifications/{id}/" + what,
                "ovh-hds",
                "{\"effectiveOn\":\"2024-01-01\",\"reason\":\"r\",\"sources\":" + SOURCES + "}");
    }

    /** A request as sent. */
    record Attempt(Endpoint endpoint, String id, String body, String idempotencyKey, String ifMatch, String type) {
        String path() {
            return id == null ? endpoint.path() : endpoint.path().replace("{id}", id);
        }

        @Override
        public String toString() {
            String shown = body.length() > 300 ? body.substring(0, 300) + "…" : body;
            return endpoint + " POST " + path() + " key=" + idempotencyKey + " if-match=" + ifMatch + " type=" + type
                    + " body=" + shown;
        }
    }

    @BeforeContainer
    static void start() {
        app = new SpringApplicationBuilder(HostLedgerApplication.class)
                .profiles("test")
                .run("--server.port=0", "--logging.level.root=WARN");
        http = new Http(((WebServerApplicationContext) app).getWebServer().getPort());
        jdbc = app.getBean(JdbcTemplate.class);
    }

    @AfterContainer
    static void stop() {
        try {
            Http.Response verify = http.at("/api/audit/verify").auditor().send();
            assertThat(verify.status()).isEqualTo(200);
            assertThat(verify.json().get("intact").asBoolean())
                    .as("the hash chain verifies after the fuzzing")
                    .isTrue();
            System.out.println("WriteFuzzTest: cases by endpoint " + CASES);
        } finally {
            app.close();
        }
    }

    @Property(tries = 3000)
    void noWriteFailsWithA5xxAndARefusedWriteRecordsNothing(@ForAll("attempts") Attempt attempt) {
        long before = events();
        Http.Request request = http.at(attempt.path()).editor();
        if (attempt.idempotencyKey() != null) {
            request.header("Idempotency-Key", attempt.idempotencyKey());
        }
        if (attempt.ifMatch() != null) {
            request.header("If-Match", attempt.ifMatch());
        }
        Http.Response response = request.post(attempt.body(), attempt.type()).send();
        long recorded = events() - before;
        CASES.computeIfAbsent(attempt.endpoint().name(), k -> new AtomicLong()).incrementAndGet();
        Statistics.label("answer").collect(response.status() / 100 + "xx");
        assertThat(response.status()).as(attempt + " → " + response).isLessThan(500);
        if (response.status() >= 400) {
            assertThat(response.contentType()).as(attempt + " → " + response).startsWith("application/problem+json");
            assertThat(recorded)
                    .as("a refused write records nothing: " + attempt)
                    .isZero();
        } else {
            assertThat(response.status()).as(attempt + " → " + response).isEqualTo(201);
            // A retry under an Idempotency-Key already used with the same request is answered with the first
            // answer and records nothing more; any other accepted write records exactly one event.
            boolean replayed = "true".equals(response.header("Idempotency-Replayed"));
            assertThat(recorded)
                    .as("an accepted write records one event, a replayed one none: " + attempt)
                    .isEqualTo(replayed ? 0 : 1);
            assertThat(response.header("X-Ledger-Position")).isNotNull();
        }
    }

    private static long events() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    @Provide
    Arbitrary<Attempt> attempts() {
        return Arbitraries.of(ENDPOINTS).flatMap(endpoint -> Combinators.combine(
                        ids(endpoint), bodies(endpoint), idempotencyKeys(), ifMatches(), contentTypes())
                .as((id, body, key, ifMatch, type) -> new Attempt(endpoint, id, body, key, ifMatch, type)));
    }

    private static Arbitrary<String> ids(Endpoint endpoint) {
        if (endpoint.id() == null) {
            return Arbitraries.just(null);
        }
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(8, Arbitraries.just(endpoint.id())),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of(
                                "ovh",
                                "ovh-hds",
                                "hdh-azure",
                                "OVH",
                                "x",
                                "a-b",
                                "..",
                                "%2e%2e",
                                "a%2Fb",
                                "%00",
                                "x".repeat(65),
                                "x".repeat(300),
                                "ovh%20",
                                "%E2%80%AE",
                                "1",
                                "-ovh")),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().ofMinLength(1).ofMaxLength(80).map(text -> URLEncoder.encode(
                                        text, StandardCharsets.UTF_8)
                                .replace("+", "%20"))));
    }

    private static Arbitrary<String> bodies(Endpoint endpoint) {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(2, Arbitraries.just(endpoint.body())),
                net.jqwik.api.Tuple.of(10, mutations(endpoint.body())),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.integers()
                                .between(0, endpoint.body().length() - 1)
                                .map(cut -> endpoint.body().substring(0, cut))),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMaxLength(200)),
                net.jqwik.api.Tuple.of(1, values(2).map(WriteFuzzTest::write)));
    }

    /** The valid body with one to three fields removed, replaced, added or repeated. */
    private static Arbitrary<String> mutations(String valid) {
        ObjectNode original = (ObjectNode) read(valid);
        List<String> fields = new ArrayList<>();
        original.fieldNames().forEachRemaining(fields::add);
        Arbitrary<String> fieldNames = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.of(fields)),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.of("actor", "id", "version", "position", "recordedAt", "__proto__", "hostId")),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().ofMinLength(1).ofMaxLength(20)));
        Arbitrary<Mutation> one = Arbitraries.oneOf(
                fieldNames.map(name -> body -> body.remove(name)),
                Combinators.combine(fieldNames, values(2)).as((name, value) -> body -> body.set(name, value)),
                Arbitraries.of(fields).map(name -> body -> body.putNull(name)),
                values(1).map(value -> body -> {
                    if (body.get("sources") instanceof ArrayNode sources
                            && !sources.isEmpty()
                            && sources.get(0) instanceof ObjectNode source) {
                        source.set("title", value);
                    }
                }),
                Arbitraries.integers().between(0, 60).map(count -> body -> {
                    ArrayNode sources = body.putArray("sources");
                    for (int i = 0; i < count; i++) {
                        sources.addObject().put("title", "t" + i);
                    }
                }));
        Arbitrary<String> mutated = one.list().ofMinSize(1).ofMaxSize(3).map(list -> {
            ObjectNode body = original.deepCopy();
            list.forEach(mutation -> mutation.apply(body));
            return write(body);
        });
        // Now and then a key repeated with another value, which no tree can hold.
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(9, mutated),
                net.jqwik.api.Tuple.of(
                        1,
                        Combinators.combine(Arbitraries.of(fields), values(1))
                                .as((name, value) -> "{\"" + name + "\":" + write(value) + "," + valid.substring(1))));
    }

    interface Mutation {
        void apply(ObjectNode body);
    }

    /** Any JSON value: the hostile scalars, and arrays and objects of them down to {@code depth}. */
    private static Arbitrary<JsonNode> values(int depth) {
        List<Arbitrary<JsonNode>> choices = new ArrayList<>(List.of(
                Arbitraries.strings().ofMaxLength(300).map(NODES::textNode),
                Arbitraries.strings()
                        .withCharRange('\u0000', '\u001f')
                        .withCharRange('\u2028', '\u202e')
                        .ofMinLength(1)
                        .ofMaxLength(5)
                        .map(text -> NODES.textNode("x" + text)),
                Arbitraries.integers().between(0, 3000).map(n -> NODES.textNode("y".repeat(n))),
                Arbitraries.of(
                                "2020-01-01",
                                "2020-02-30",
                                "9999-12-31",
                                "1899-12-31",
                                "2020-01-01T00:00:00Z",
                                "",
                                " ",
                                "HDS",
                                "SECNUMCLOUD",
                                "PUBLIC_TENDER",
                                "FR",
                                "US",
                                "XX",
                                "ovh",
                                "hdh-azure",
                                "https://example.org",
                                "javascript:alert(1)",
                                "<script>alert(1)</script>")
                        .map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.integers().between(-1, 8).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(NODES.booleanNode(true), NODES.booleanNode(false), NODES.nullNode())));
        if (depth > 0) {
            choices.add(values(depth - 1).list().ofMaxSize(8).map(list -> {
                ArrayNode array = NODES.arrayNode();
                list.forEach(array::add);
                return array;
            }));
            choices.add(
                    Combinators.combine(Arbitraries.of("title", "url", "publishedOn", "x", "actor"), values(depth - 1))
                            .as((name, value) -> {
                                ObjectNode object = NODES.objectNode();
                                object.set(name, value);
                                return object;
                            }));
        }
        @SuppressWarnings("unchecked")
        Arbitrary<JsonNode>[] all = choices.toArray(Arbitrary[]::new);
        return Arbitraries.oneOf(List.of(all));
    }

    private static Arbitrary<String> idempotencyKeys() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(null)),
                // Unique, so that an accepted write is never a replay of an earlier one.
                net.jqwik.api.Tuple.of(
                        3,
                        Arbitraries.just("")
                                .map(empty -> "fuzz-" + ProcessHandle.current().pid() + "-" + KEYS.incrementAndGet())),
                net.jqwik.api.Tuple.of(1, Arbitraries.of("a b", "x".repeat(201), "é", "\"quoted\"", "tab\tkey")));
    }

    private static Arbitrary<String> ifMatches() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(6, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(
                        2,
                        Arbitraries.of(
                                "*", "\"0\"", "\"1\"", "W/\"3\"", "\"-1\"", "\"99999999999999999999\"", "abc", "\"\"")),
                net.jqwik.api.Tuple.of(
                        1, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(30)));
    }

    private static Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(12, Arbitraries.just("application/json")),
                net.jqwik.api.Tuple.of(
                        1,
                        Arbitraries.of(
                                "application/json; charset=UTF-8",
                                "text/plain",
                                "application/xml",
                                "application/x-www-form-urlencoded",
                                "application/merge-patch+json",
                                "application/json; charset=ISO-8859-1")));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
