package org.hostledger.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * The running application on a random port with its demo history, shared by the integration tests. Tests create
 * records under ids of their own and measure the event count as a difference, so they can share one store.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class IntegrationTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    protected Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    /** A fresh id for this JVM, readable in failures. */
    protected static String id(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + IDS.incrementAndGet();
    }

    /** Whether these tests run on PostgreSQL ({@link PostgresTestSchema}) rather than the embedded H2. */
    public static boolean postgres() {
        return System.getProperty(PostgresTestSchema.URL) != null;
    }

    /**
     * The table that holds the events, for tests that tamper with the store as someone with the database would: on
     * PostgreSQL the compact rows ({@code domain_event_row}, migration V84), under the view {@code domain_event_entry}
     * that every reader reads; on H2 the table itself. The columns a tamper test writes (payload, time_stamp) are the
     * same in both.
     */
    public static String eventRows() {
        return postgres() ? "domain_event_row" : "domain_event_entry";
    }

    protected long eventCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }

    protected static String sources() {
        return "[{\"title\":\"A test source\",\"url\":\"https://example.org/source\",\"publishedOn\":\"2020-01-01\"}]";
    }

    protected String registerHost(String id, String country, String parent, String parentCountry) {
        String body = "{\"id\":\"" + id + "\",\"name\":\"Host " + id + "\",\"country\":\"" + country + "\""
                + (parent == null
                        ? ""
                        : ",\"parentCompany\":\"" + parent + "\",\"parentCountry\":\"" + parentCountry + "\"")
                + ",\"effectiveOn\":\"2018-01-01\",\"sources\":" + sources() + "}";
        Http.Response response = http.at("/api/hosts").editor().post(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("X-Ledger-Position");
    }

    protected String grant(String id, String hostId, String activities, String from, String until) {
        String body = "{\"id\":\"" + id + "\",\"hostId\":\"" + hostId + "\",\"scheme\":\"HDS\",\"referential\":\"v1\","
                + "\"certifier\":\"AFNOR Certification\",\"activities\":" + activities + ",\"validFrom\":\"" + from
                + "\",\"validUntil\":\"" + until + "\",\"sources\":" + sources() + "}";
        Http.Response response =
                http.at("/api/certifications").editor().post(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("X-Ledger-Position");
    }

    protected String decide(String id, String hostId, String activities, String decidedOn) {
        String body = "{\"id\":\"" + id + "\",\"controller\":\"Controller " + id + "\",\"system\":\"System\","
                + "\"hostId\":\"" + hostId + "\",\"activities\":" + activities + ",\"decidedOn\":\"" + decidedOn
                + "\",\"procurement\":\"PUBLIC_TENDER\",\"rationale\":\"Best offer\",\"sources\":" + sources() + "}";
        Http.Response response = http.at("/api/decisions").editor().post(body).send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("X-Ledger-Position");
    }

    protected Http.Response post(String path, String body) {
        return http.at(path).editor().post(body).send();
    }

    /** A read that waits until the projections have processed {@code position}: no sleeping in tests. */
    protected JsonNode read(String path, String position) {
        String separator = path.contains("?") ? "&" : "?";
        Http.Response response = http.get(path + separator + "awaitPosition=" + position);
        assertThat(response.header("X-Ledger-Position-Reached"))
                .as(response.toString())
                .isEqualTo("true");
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    /** The ids of a page's items (not those nested inside them). */
    protected static java.util.List<String> ids(JsonNode page) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        page.get("items").forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }

    public static final java.util.List<String> READ_TABLES = java.util.List.of(
            "rm_host_base",
            "rm_host_change",
            "rm_host_version",
            "rm_host_count",
            "rm_cert_base",
            "rm_cert_change",
            "rm_cert_version",
            "rm_cert_count",
            "rm_decision_base",
            "rm_decision_event",
            "rm_decision_version",
            "rm_decision_count",
            "rm_register_entry_version",
            "rm_register_change",
            "rm_register_snapshot",
            "rm_register_finding",
            "rm_offering_version",
            "rm_alert");

    /** A digest of every row of every read table, independent of row order. */
    protected java.util.Map<String, String> readModelFingerprint() throws Exception {
        java.util.Map<String, String> fingerprint = new java.util.LinkedHashMap<>();
        for (String table : READ_TABLES) {
            java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
            // Counts compare as sums per date and group: a count that adds up to nothing may stay as a row of zero
            // or never be written, by batch, and a rebuild counts once, in stripe 0, what live batches spread over
            // stripes.
            java.util.List<java.util.Map<String, Object>> rows = jdbc.queryForList(
                    table.endsWith("_count")
                            ? "SELECT eff_date, grp, SUM(delta) AS delta FROM " + table
                                    + " GROUP BY eff_date, grp HAVING SUM(delta) <> 0"
                            : "SELECT * FROM " + table);
            rows.stream()
                    .map(Object::toString)
                    .sorted()
                    .forEach(r -> digest.update(r.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            fingerprint.put(table, rows.size() + ":" + java.util.HexFormat.of().formatHex(digest.digest()));
        }
        return fingerprint;
    }

    /**
     * Three projections replaying the whole shared store (other test classes' histories included) can take longer
     * than one awaitPosition allows on a loaded machine: wait, in bounded steps, until none replays and each is at
     * the head.
     */
    /**
     * Waits until every projection has been rebuilt and handed back to its running processor; fails after two minutes
     * rather than letting a test go on against views still being rebuilt.
     */
    protected void awaitReplays() throws InterruptedException {
        JsonNode processors = null;
        for (int attempt = 0; attempt < 600; attempt++) {
            boolean done = true;
            processors = http.at("/api/admin/projections").admin().send().json();
            for (JsonNode processor : processors) {
                done &= !processor.get("replaying").asBoolean()
                        && processor.get("running").asBoolean()
                        && processor.get("position").asLong()
                                >= processor.get("head").asLong();
            }
            if (done) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("projections still rebuilding after two minutes: " + processors);
    }

    protected long head() {
        return jdbc.queryForObject("SELECT last_index FROM ledger_chain_head WHERE id = 1", Long.class);
    }
}
