package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.hostledger.api.Http;
import org.hostledger.api.process.LedgerProcess;
import org.junit.jupiter.api.Test;

/**
 * kill -9 of the application while webhooks are in flight (the receiver holds their answers): after a restart every
 * notification is delivered, those in flight again with the same {@code webhook-id}.
 */
class WebhookCrashIT {

    private static final List<String> ARGS = List.of(
            "--hostledger.subscriptions.allowed-hosts=127.0.0.1",
            "--hostledger.subscriptions.lease=3s",
            "--hostledger.subscriptions.retry-base=200ms",
            "--hostledger.subscriptions.retry-max=2s");

    @Test
    void notificationsInFlightAtAKillAreDeliveredAfterTheRestartWithTheSameIds() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "webhook-crash-");
        try (LedgerProcess ledger = new LedgerProcess(dataDir, Map.of(), ARGS);
                WebhookReceiver receiver = new WebhookReceiver()) {
            Http http = ledger.start();
            Http.Response subscribed = http.at("/api/subscriptions")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .post("{\"filter\":{\"eventTypes\":[\"HostRegistered\"]},\"delivery\":{\"webhook\":\""
                            + receiver.url("/hook") + "\"}}")
                    .send();
            assertThat(subscribed.status()).as(subscribed.toString()).isEqualTo(201);
            String subscription = subscribed.json().get("id").asText();

            receiver.holdAnswers();
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Http.Response created = http.at("/api/hosts")
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .post("{\"id\":\"hook-crash-" + i + "\",\"name\":\"Crash " + i + "\",\"country\":\"FR\","
                                + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                        .send();
                assertThat(created.status()).as(created.toString()).isEqualTo(201);
                expected.add("msg_" + subscription + "_" + created.header("X-Ledger-Position"));
            }
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> notifications(receiver).size() >= 1);
            ledger.kill();
            Set<String> inFlight = Set.copyOf(notifications(receiver));
            assertThat(receiver.delivered())
                    .as("nothing answered before the kill")
                    .isEmpty();
            receiver.release();
            receiver.answer(204);

            http = ledger.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> receiver.delivered().stream()
                    .map(WebhookReceiver.Received::id)
                    .collect(Collectors.toSet())
                    .containsAll(expected));
            Set<String> delivered = receiver.delivered().stream()
                    .map(WebhookReceiver.Received::id)
                    .collect(Collectors.toSet());
            assertThat(delivered).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(delivered)
                    .as("in flight at the kill, sent again with the same id")
                    .containsAll(inFlight);

            Http admin = http;
            await().atMost(Duration.ofMinutes(1)).until(() -> {
                JsonNode items = admin.at("/api/subscriptions/" + subscription + "/deliveries")
                        .as("admin", LedgerProcess.ADMIN_PASSWORD)
                        .send()
                        .json()
                        .get("items");
                for (JsonNode item : items) {
                    if (!item.get("status").asText().equals("DELIVERED")) {
                        return false;
                    }
                }
                return items.size() == expected.size();
            });
        }
    }

    private static List<String> notifications(WebhookReceiver receiver) {
        return receiver.received().stream()
                .map(WebhookReceiver.Received::id)
                .filter(id -> !id.endsWith("_created"))
                .toList();
    }
}
