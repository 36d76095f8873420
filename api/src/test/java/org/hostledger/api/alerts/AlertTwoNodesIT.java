package org.hostledger.api.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.PostgresTestSchema;
import org.hostledger.api.process.LedgerProcess;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over one PostgreSQL database, each with the alert job's db-scheduler running every second: every
 * occurrence is recorded once, however many times and on whichever node the job ran. Runs only when the suites run
 * on PostgreSQL ({@code -Ppostgres}).
 */
class AlertTwoNodesIT {

    private static final List<String> ARGS = List.of(
            "--hostledger.alerts.enabled=true",
            "--hostledger.alerts.interval=1s",
            "--db-scheduler.polling-interval=200ms",
            "--axon.eventhandling.tokenstore.claim-timeout=3s");

    @Test
    void eachOccurrenceIsRecordedOnceByOneOfTwoSchedulers() throws Exception {
        assumeTrue(PostgresTestSchema.enabled(), "needs PostgreSQL: run with -Ppostgres");
        Path dir = Files.createTempDirectory(Path.of("target"), "alert-nodes-");
        try (LedgerProcess first = new LedgerProcess(dir.resolve("a"), Map.of(), ARGS);
                LedgerProcess second = first.sibling(dir.resolve("b"))) {
            Http a = first.start();
            Http b = second.start();
            LocalDate today = LocalDate.now(ZoneId.of("Europe/Paris"));
            List<String> certificates = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                Http node = i % 2 == 0 ? a : b;
                String host = "alert-node-" + i;
                send(
                        node,
                        "/api/hosts",
                        "{\"id\":\"" + host + "\",\"name\":\"Node " + i + "\",\"country\":\"FR\","
                                + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}");
                send(
                        node,
                        "/api/certifications",
                        "{\"id\":\"" + host + "-cert\",\"hostId\":\"" + host + "\","
                                + "\"scheme\":\"HDS\",\"referential\":\"v1\",\"certifier\":\"LNE\",\"activities\":[1],"
                                + "\"validFrom\":\"" + today.minusYears(2) + "\",\"validUntil\":\""
                                + today.plusDays(10 + i)
                                + "\",\"sources\":[{\"title\":\"t\"}]}");
                send(
                        node,
                        "/api/decisions",
                        "{\"id\":\"" + host + "-use\",\"controller\":\"C\",\"system\":\"S\","
                                + "\"hostId\":\"" + host + "\",\"activities\":[1],\"decidedOn\":\"2021-01-01\","
                                + "\"procurement\":\"PUBLIC_TENDER\",\"rationale\":\"r\",\"sources\":[{\"title\":\"t\"}]}");
                certificates.add(host + "-cert");
            }
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> certificates.stream().allMatch(cert -> alerts(a, cert) == 1));
            long executions = query(first.schema(), "SELECT COUNT(*) FROM scheduled_tasks");
            assertThat(executions)
                    .as("one recurring task row shared by both nodes")
                    .isEqualTo(1);
            // Several more runs, on either node.
            Thread.sleep(5_000);
            for (String cert : certificates) {
                assertThat(alerts(b, cert)).as(cert).isEqualTo(1);
            }
            long recorded = query(
                    first.schema(), "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%AlertRecorded'");
            long distinct = query(
                    first.schema(),
                    "SELECT COUNT(DISTINCT aggregate_identifier) FROM domain_event_entry"
                            + " WHERE payload_type LIKE '%AlertRecorded'");
            assertThat(recorded).isPositive().isEqualTo(distinct);
        }
    }

    private static void send(Http node, String path, String body) {
        Http.Response response = node.at(path)
                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                .post(body)
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    private static int alerts(Http node, String cert) {
        JsonNode page = node.get("/api/compliance/alerts?recordId=" + cert).json();
        return page.get("items").size();
    }

    private static long query(String schema, String sql) throws Exception {
        String url = System.getProperty(PostgresTestSchema.URL);
        try (Connection connection = DriverManager.getConnection(url, "hostledger", "hostledger");
                Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            try (ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
