package org.hostledger.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hostledger.api.Http;
import org.hostledger.api.PostgresTestSchema;
import org.junit.jupiter.api.Test;

/**
 * Two application nodes (two JVMs on two ports) over one PostgreSQL database: writes spread over both, both read the
 * same views, both own segments of the projections; racing commands on one record from both nodes never corrupt its
 * stream; and when one node is killed, the other takes its segments and catches up to what a replay builds.
 * Runs only when the suites run on PostgreSQL ({@code -Ppostgres}).
 */
class TwoNodesIT {

    private static final List<String> FAST_CLAIMS =
            List.of("--axon.eventhandling.tokenstore.claim-timeout=3s", "--hostledger.demo-data=true");

    @Test
    void twoNodesShareTheWorkAndOneSurvivesTheOthersDeath() throws Exception {
        assumeTrue(PostgresTestSchema.enabled(), "needs PostgreSQL: run with -Ppostgres");
        Path dir = Files.createTempDirectory(Path.of("target"), "nodes-");
        try (LedgerProcess first = new LedgerProcess(dir.resolve("a"), Map.of(), FAST_CLAIMS);
                LedgerProcess second = first.sibling(dir.resolve("b"))) {
            Http a = first.start();
            Http b = second.start();

            // Writes spread over both nodes.
            List<String> hosts = new ArrayList<>();
            long position = 0;
            for (int i = 0; i < 40; i++) {
                Http node = i % 2 == 0 ? a : b;
                String id = "node-host-" + i;
                Http.Response created = node.at("/api/hosts")
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .post("{\"id\":\"" + id + "\",\"name\":\"Node " + i + "\",\"country\":\"FR\","
                                + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                        .send();
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                position = Math.max(position, Long.parseLong(created.header("X-Ledger-Position")));
                hosts.add(id);
            }
            assertThat(views(a, position)).as("both nodes read the same views").isEqualTo(views(b, position));
            assertThat(owners(first.schema(), 2))
                    .as("segments owned by both nodes")
                    .hasSize(2);

            // Racing lifecycle changes on one certificate from both nodes.
            Http.Response granted = a.at("/api/certifications")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .post("{\"id\":\"node-cert\",\"hostId\":\"node-host-0\",\"scheme\":\"HDS\",\"referential\":\"v1\","
                            + "\"certifier\":\"LNE\",\"activities\":[1,2],\"validFrom\":\"2019-01-01\","
                            + "\"validUntil\":\"2021-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                    .send();
            assertThat(granted.status()).isEqualTo(201);
            List<Long> acknowledged = Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> racers = new ArrayList<>();
            for (int r = 0; r < 4; r++) {
                Http node = r % 2 == 0 ? a : b;
                int racer = r;
                racers.add(pool.submit(() -> {
                    for (int n = 0; n < 25; n++) {
                        String path = (n + racer) % 2 == 0 ? "suspensions" : "reinstatements";
                        Http.Response response = node.at("/api/certifications/node-cert/" + path)
                                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                                .post(
                                        "{\"effectiveOn\":\"2019-06-01\",\"reason\":\"race\",\"sources\":[{\"title\":\"t\"}]}")
                                .send();
                        assertThat(response.status()).as(response.toString()).isIn(201, 409);
                        if (response.status() == 201) {
                            acknowledged.add(response.json().get("version").asLong());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> racer : racers) {
                racer.get();
            }
            pool.shutdown();
            JsonNode history = a.at("/api/certifications/node-cert/history")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .send()
                    .json()
                    .get("events");
            List<Long> sequences = history.findValues("sequence").stream()
                    .map(JsonNode::asLong)
                    .toList();
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).isEqualTo(i);
            }
            assertThat(new HashSet<>(acknowledged))
                    .hasSize(acknowledged.size())
                    .isEqualTo(new HashSet<>(sequences.subList(1, sequences.size())));

            // Each node keeps records cached between commands, checked against the store at every load: a change
            // made on one node is seen by the next command on the other. A cache trusted as it stands would answer
            // with the state this node last saw, refusing to reinstate a certificate it believes active (409).
            Http.Response cached = a.at("/api/certifications")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .post(
                            "{\"id\":\"node-cached-cert\",\"hostId\":\"node-host-0\",\"scheme\":\"HDS\","
                                    + "\"referential\":\"v1\",\"certifier\":\"LNE\",\"activities\":[1,2],"
                                    + "\"validFrom\":\"2019-01-01\",\"validUntil\":\"2021-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                    .send();
            assertThat(cached.status()).as(cached.toString()).isEqualTo(201);
            for (int n = 1; n <= 6; n++) {
                Http node = n % 2 == 1 ? b : a;
                String path = n % 2 == 1 ? "suspensions" : "reinstatements";
                Http.Response changed = node.at("/api/certifications/node-cached-cert/" + path)
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .post("{\"effectiveOn\":\"2019-06-01\",\"reason\":\"turns\",\"sources\":[{\"title\":\"t\"}]}")
                        .send();
                assertThat(changed.status())
                        .as("change %d (%s) on node %s: %s", n, path, n % 2 == 1 ? "b" : "a", changed)
                        .isEqualTo(201);
                assertThat(changed.json().get("version").asLong()).isEqualTo(n);
            }

            // One node dies; the other takes its segments and catches up with what is written next.
            first.kill();
            for (int i = 40; i < 60; i++) {
                Http.Response created = b.at("/api/hosts")
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .post("{\"id\":\"node-host-" + i + "\",\"name\":\"Node " + i + "\",\"country\":\"DE\","
                                + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                        .send();
                assertThat(created.status()).isEqualTo(201);
                position = Math.max(position, Long.parseLong(created.header("X-Ledger-Position")));
            }
            String survived = views(b, position);
            assertThat(survived).contains("node-host-59");
            assertThat(owners(second.schema(), 1))
                    .as("the survivor owns every segment")
                    .hasSize(1);
            JsonNode verdict = b.at("/api/audit/verify")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .send()
                    .json();
            assertThat(verdict.get("intact").asBoolean()).isTrue();

            for (String projection : List.of("registry", "hosting-map")) {
                assertThat(b.at("/api/admin/projections/" + projection + "/replay")
                                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                                .post("")
                                .send()
                                .status())
                        .isEqualTo(202);
            }
            assertThat(views(b, verdict.get("headPosition").asLong()))
                    .as("no event missed or handled twice: the survivor's views equal a fresh replay")
                    .isEqualTo(survived);
        }
    }

    /** The distinct owners of the projections' segments, from the token table, once there are {@code expected}. */
    private static Set<String> owners(String schema, int expected) throws Exception {
        Set<String> owners = new HashSet<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        String url = System.getProperty(PostgresTestSchema.URL);
        do {
            owners.clear();
            try (Connection connection = DriverManager.getConnection(url, "hostledger", "hostledger");
                    Statement statement = connection.createStatement();
                    ResultSet rs = statement.executeQuery(
                            "SELECT owner FROM " + schema + ".token_entry WHERE owner IS NOT NULL")) {
                while (rs.next()) {
                    owners.add(rs.getString(1));
                }
            }
            if (owners.size() == expected) {
                return owners;
            }
            TimeUnit.MILLISECONDS.sleep(250);
        } while (System.nanoTime() < deadline);
        return owners;
    }

    private static String views(Http http, long position) {
        StringBuilder all = new StringBuilder();
        for (String list : List.of("/api/hosts?size=200", "/api/certifications?size=200", "/api/decisions?size=200")) {
            // A read waits at most 10 s; after a node's death the survivor first waits out the dead node's claims
            // (claim timeout 10 s) on every segment of every processor, so a reader may have to ask again.
            Http.Response response = http.get(list + "&awaitPosition=" + position);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (!"true".equals(response.header("X-Ledger-Position-Reached")) && System.nanoTime() < deadline) {
                response = http.get(list + "&awaitPosition=" + position);
            }
            assertThat(response.header("X-Ledger-Position-Reached")).isEqualTo("true");
            all.append(response.json().get("items").toString()).append('\n');
        }
        return all.toString();
    }
}
