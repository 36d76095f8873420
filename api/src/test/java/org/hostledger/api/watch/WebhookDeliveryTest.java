package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Webhooks to a real receiver on loopback: signatures, order, retries, dead letters, redelivery, pause, and a node
 * that stops while a send is under way.
 */
class WebhookDeliveryTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private WebhookReceiver receiver;

    @Autowired
    private WebhookDispatcher dispatcher;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private JsonNode subscribe(String filter, String secret) {
        String body = "{\"filter\":" + filter + ",\"delivery\":{\"webhook\":\"" + receiver.url("/hook") + "\""
                + (secret == null ? "" : ",\"secret\":\"" + secret + "\"") + "}}";
        Http.Response response = post("/api/subscriptions", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private String changeOwnership(String hostId, String parent) {
        Http.Response response = post(
                "/api/hosts/" + hostId + "/ownership-changes",
                "{\"parentCompany\":\"" + parent + "\",\"parentCountry\":\"FR\",\"effectiveOn\":\"2019-01-01\","
                        + "\"reason\":\"Bought\",\"sources\":" + sources() + "}");
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.header("X-Ledger-Position");
    }

    private JsonNode deliveries(String subscription) {
        Http.Response response = http.at("/api/subscriptions/" + subscription + "/deliveries")
                .editor()
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json().get("items");
    }

    private static boolean allDelivered(JsonNode log) {
        for (JsonNode item : log) {
            if (!item.get("status").asText().equals("DELIVERED")) {
                return false;
            }
        }
        return true;
    }

    private static List<Long> positions(List<WebhookReceiver.Received> received) {
        List<Long> positions = new ArrayList<>();
        for (WebhookReceiver.Received r : received) {
            positions.add(Long.parseLong(r.id().substring(r.id().lastIndexOf('_') + 1)));
        }
        return positions;
    }

    @Test
    void aHostsChangesAndItsCertificatesArriveSignedTheStandardWebhooksWay() throws Exception {
        String host = id("watched");
        String other = id("unwatched");
        registerHost(host, "FR", null, null);
        registerHost(other, "FR", null, null);
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String subscription =
                subscribe("{\"hostId\":\"" + host + "\"}", secret).get("id").asText();

        String cert = id("cert");
        grant(cert, host, "[1,2]", "2020-01-01", "2023-01-01");
        grant(id("cert"), other, "[1]", "2020-01-01", "2023-01-01");
        String last = changeOwnership(host, "Parent SA");
        read("/api/hosts/" + host, last);

        await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 2);
        // Two records (the certificate, the host): in order per record only, so sorted by position here.
        List<WebhookReceiver.Received> delivered = receiver.delivered().stream()
                .sorted(java.util.Comparator.comparing(
                        r -> positions(List.of(r)).get(0)))
                .toList();
        assertThat(delivered).hasSize(2);
        long now = Instant.now().getEpochSecond();
        for (WebhookReceiver.Received r : delivered) {
            assertThat(StandardWebhooksVerifier.verify(secret, r.id(), r.timestamp(), r.signature(), r.body(), now))
                    .as("signature of %s", r.id())
                    .isTrue();
            assertThat(StandardWebhooksVerifier.verify(
                            "whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[24]),
                            r.id(),
                            r.timestamp(),
                            r.signature(),
                            r.body(),
                            now))
                    .as("another secret does not verify")
                    .isFalse();
        }
        JsonNode granted = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(delivered.get(0).body());
        assertThat(granted.get("type").asText()).isEqualTo("hostledger.CertificationGranted");
        assertThat(granted.at("/data/id").asText()).isEqualTo(delivered.get(0).id());
        assertThat(granted.at("/data/record/id").asText()).isEqualTo(cert);
        assertThat(granted.at("/data/record/hostId").asText()).isEqualTo(host);
        assertThat(granted.at("/data/event/payload/hostId").asText()).isEqualTo(host);
        assertThat(granted.at("/data/state/id").asText())
                .as("the record's new state")
                .isEqualTo(cert);
        JsonNode owned = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(delivered.get(1).body());
        assertThat(owned.get("type").asText()).isEqualTo("hostledger.HostOwnershipChanged");
        assertThat(owned.at("/data/state/parentCompany").asText()).isEqualTo("Parent SA");
        assertThat(delivered.get(1).id()).isEqualTo("msg_" + subscription + "_" + last);

        // The receiver answered before the sender recorded it: wait for the record.
        await().atMost(PATIENCE).until(() -> allDelivered(deliveries(subscription)));
        JsonNode log = deliveries(subscription);
        assertThat(log).hasSize(2);
        log.forEach(item -> {
            assertThat(item.get("status").asText()).isEqualTo("DELIVERED");
            assertThat(item.get("log").get(0).get("statusCode").asInt()).isEqualTo(204);
        });
    }

    @Test
    void aReceiverDownForAWhileGetsEveryNotificationAfterRetriesInOrderOnce() throws Exception {
        String host = id("flaky");
        registerHost(host, "FR", null, null);
        String subscription =
                subscribe("{\"recordIds\":[\"" + host + "\"]}", null).get("id").asText();
        receiver.stop();
        List<String> positions = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            positions.add(changeOwnership(host, "Parent " + i));
        }
        // The first notification fails at least twice; the later ones wait behind it.
        await().atMost(PATIENCE).until(() -> {
            JsonNode log = deliveries(subscription);
            return log.size() == 3 && log.get(2).get("attempts").asInt() >= 2;
        });
        JsonNode waiting = deliveries(subscription);
        assertThat(waiting.get(2).get("status").asText()).isEqualTo("PENDING");
        assertThat(waiting.get(2).get("lastError").asText()).contains("ConnectException");
        assertThat(waiting.get(2).has("nextAttemptAt")).isTrue();
        assertThat(waiting.get(0).get("attempts").asInt()).as("held back").isZero();

        receiver.restart();
        await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 3);
        await().atMost(PATIENCE).until(() -> allDelivered(deliveries(subscription)));
        List<WebhookReceiver.Received> delivered = receiver.delivered();
        assertThat(delivered).hasSize(3);
        assertThat(positions(delivered))
                .containsExactlyElementsOf(
                        positions.stream().map(Long::parseLong).toList());
        assertThat(delivered.stream().map(WebhookReceiver.Received::id).distinct())
                .hasSize(3);
    }

    @Test
    void anAlwaysFailingReceiverEndsInADeadLetterThatCanBeRedeliveredWithTheSameId() throws Exception {
        String host = id("broken");
        registerHost(host, "FR", null, null);
        String subscription =
                subscribe("{\"recordIds\":[\"" + host + "\"]}", null).get("id").asText();
        receiver.answer(500);
        String first = changeOwnership(host, "First");
        String second = changeOwnership(host, "Second");
        String firstId = "msg_" + subscription + "_" + first;
        read("/api/hosts/" + host, second);
        await().atMost(PATIENCE)
                .until(() ->
                        deliveries(subscription).get(1).get("status").asText().equals("DEAD"));
        JsonNode log = deliveries(subscription);
        assertThat(log.get(1).get("id").asText()).isEqualTo(firstId);
        assertThat(log.get(1).get("attempts").asInt()).isEqualTo(5);
        assertThat(log.get(1).get("log")).hasSize(5);
        log.get(1).get("log").forEach(a -> assertThat(a.get("statusCode").asInt())
                .isEqualTo(500));
        assertThat(log.get(0).get("status").asText())
                .as("in order: waits behind the dead letter")
                .isEqualTo("PENDING");
        assertThat(log.get(0).get("attempts").asInt()).isZero();
        assertThat(receiver.received().stream().filter(r -> r.id().equals(firstId)))
                .hasSize(5);

        receiver.answer(200);
        Http.Response redelivered = http.at(
                        "/api/subscriptions/" + subscription + "/deliveries/" + firstId + "/redeliver")
                .editor()
                .post("")
                .send();
        assertThat(redelivered.status()).as(redelivered.toString()).isEqualTo(202);
        await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 2);
        List<WebhookReceiver.Received> delivered = receiver.delivered();
        assertThat(delivered.get(0).id()).isEqualTo(firstId);
        assertThat(positions(delivered)).containsExactly(Long.parseLong(first), Long.parseLong(second));
        await().atMost(PATIENCE)
                .until(() ->
                        deliveries(subscription).get(1).get("status").asText().equals("DELIVERED"));
        assertThat(deliveries(subscription).get(1).get("log")).hasSize(6);
    }

    @Test
    void aPausedSubscriptionKeepsItsNotificationsUntilResumed() throws Exception {
        String host = id("paused");
        registerHost(host, "FR", null, null);
        String paused =
                subscribe("{\"recordIds\":[\"" + host + "\"]}", null).get("id").asText();
        String active =
                subscribe("{\"recordIds\":[\"" + host + "\"]}", null).get("id").asText();
        Http.Response pause = http.at("/api/subscriptions/" + paused + "/pause")
                .editor()
                .post("")
                .send();
        assertThat(pause.json().get("paused").asBoolean()).isTrue();
        String position = changeOwnership(host, "While paused");
        read("/api/hosts/" + host, position);
        // Once the active subscription's copy arrived, the dispatcher has looked at the paused one too.
        await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 1);
        assertThat(receiver.delivered())
                .extracting(WebhookReceiver.Received::id)
                .containsExactly("msg_" + active + "_" + position);
        assertThat(deliveries(paused).get(0).get("status").asText()).isEqualTo("PENDING");
        assertThat(deliveries(paused).get(0).get("attempts").asInt()).isZero();

        http.at("/api/subscriptions/" + paused + "/resume").editor().post("").send();
        await().atMost(PATIENCE).until(() -> receiver.delivered().size() >= 2);
        assertThat(receiver.delivered().get(1).id()).isEqualTo("msg_" + paused + "_" + position);
    }

    @Test
    void aNodeThatStopsLetsTheSendUnderWayEndAndLogsItsAttempt() throws Exception {
        String host = id("stopping");
        registerHost(host, "FR", null, null);
        String subscription =
                subscribe("{\"recordIds\":[\"" + host + "\"]}", null).get("id").asText();
        receiver.holdAnswers();
        String notification = "msg_" + subscription + "_" + changeOwnership(host, "Held");
        await().atMost(PATIENCE).until(() -> receiver.received().stream().anyMatch(r -> notification.equals(r.id())));

        ExecutorService stopper = Executors.newSingleThreadExecutor();
        try {
            Future<?> stopped = stopper.submit((Runnable) dispatcher::stop);
            Thread.sleep(300);
            // Not interrupted: an interrupt could land in the sender's database I/O and close the embedded store.
            assertThat(stopped).as("the stop waits for the send under way").isNotDone();
            receiver.release(); // the receiver closes the connection without an answer
            stopped.get(60, TimeUnit.SECONDS);
        } finally {
            receiver.release();
            stopper.shutdown();
            if (!dispatcher.isRunning()) {
                dispatcher.start();
            }
        }

        // The attempt cut short by the receiver reached the log; the restarted dispatcher then delivers it.
        await().atMost(PATIENCE).until(() -> {
            JsonNode item = item(deliveries(subscription), notification);
            return item != null && item.get("status").asText().equals("DELIVERED");
        });
        JsonNode attempts = item(deliveries(subscription), notification).get("log");
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(attempts.get(0).has("statusCode"))
                .as("the first attempt, unanswered: %s", attempts.get(0))
                .isFalse();
        assertThat(attempts.get(0).get("error").asText()).isNotBlank();
    }

    private static JsonNode item(JsonNode log, String notification) {
        for (JsonNode item : log) {
            if (item.get("id").asText().equals(notification)) {
                return item;
            }
        }
        return null;
    }
}
