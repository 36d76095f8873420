package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hostledger.api.Http;
import org.hostledger.api.PostgresTestSchema;
import org.hostledger.api.process.LedgerProcess;
import org.junit.jupiter.api.Test;

/**
 * Two nodes over one PostgreSQL database, writes on both: each notification is created once (the watch processor's
 * segments are owned by one node at a time) and delivered once (one node leases it), whichever node sends it.
 * Runs only when the suites run on PostgreSQL ({@code -Ppostgres}).
 */
class WebhookTwoNodesIT {

    private static final List<String> ARGS = List.of(
            "--hostledger.subscriptions.allowed-hosts=127.0.0.1",
            "--hostledger.subscriptions.poll-interval=20ms",
            "--axon.eventhandling.tokenstore.claim-timeout=3s");

    @Test
    void eachNotificationIsDeliveredOnceByOneOfTwoNodes() throws Exception {
        assumeTrue(PostgresTestSchema.enabled(), "needs PostgreSQL: run with -Ppostgres");
        Path dir = Files.createTempDirectory(Path.of("target"), "webhook-nodes-");
        try (LedgerProcess first = new LedgerProcess(dir.resolve("a"), Map.of(), ARGS);
                LedgerProcess second = first.sibling(dir.resolve("b"));
                WebhookReceiver receiver = new WebhookReceiver()) {
            Http a = first.start();
            Http b = second.start();
            List<String> subscriptions = new ArrayList<>();
            for (Http node : List.of(a, b)) {
                Http.Response subscribed = node.at("/api/subscriptions")
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .post("{\"filter\":{\"eventTypes\":[\"HostRegistered\",\"HostOwnershipChanged\"]},"
                                + "\"delivery\":{\"webhook\":\"" + receiver.url("/hook") + "\"}}")
                        .send();
                assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
                subscriptions.add(subscribed.json().get("id").asText());
            }
            Set<String> expected = new HashSet<>();
            for (int i = 0; i < 60; i++) {
                Http node = i % 2 == 0 ? a : b;
                Http.Response created = node.at("/api/hosts")
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .post("{\"id\":\"hook-node-" + i + "\",\"name\":\"Node " + i + "\",\"country\":\"FR\","
                                + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                        .send();
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                for (String subscription : subscriptions) {
                    expected.add("msg_" + subscription + "_" + created.header("X-Ledger-Position"));
                }
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> receiver.delivered().stream()
                    .map(WebhookReceiver.Received::id)
                    .collect(Collectors.toSet())
                    .containsAll(expected));
            Map<String, Long> times = receiver.delivered().stream()
                    .collect(Collectors.groupingBy(WebhookReceiver.Received::id, Collectors.counting()));
            assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(times.values()).as("each notification delivered once").allMatch(n -> n == 1);
            assertThat(receiver.received().stream()
                            .filter(r -> !r.id().endsWith("_created"))
                            .count())
                    .as("each notification sent once")
                    .isEqualTo(expected.size());
            long notifications = query(first.schema(), "SELECT COUNT(*) FROM watch_notification", rs -> rs.getLong(1));
            assertThat(notifications).as("each notification created once").isEqualTo(expected.size());
        }
    }

    interface Column<T> {
        T read(ResultSet rs) throws java.sql.SQLException;
    }

    private static long query(String schema, String sql, Column<Long> column) throws Exception {
        String url = System.getProperty(PostgresTestSchema.URL);
        try (Connection connection = DriverManager.getConnection(url, "hostledger", "hostledger");
                Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            try (ResultSet rs = statement.executeQuery(sql)) {
                rs.next();
                return column.read(rs);
            }
        }
    }
}
