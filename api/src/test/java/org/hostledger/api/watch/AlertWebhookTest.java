package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.alerts.AlertJob;
import org.hostledger.api.alerts.MovableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

/**
 * Alerts reach webhook subscribers like any change: the alert job, run on a clock the test moves, records a
 * certificate's expiry; subscriptions to the certificate, to its host and to the event type each receive it, signed
 * the Standard Webhooks way, with the alert and the certificate's state.
 */
@Import(MovableClock.Config.class)
class AlertWebhookTest extends IntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    @Autowired
    private AlertJob job;

    @Autowired
    private MovableClock clock;

    private WebhookReceiver receiver;

    @BeforeEach
    void receiver() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void closeReceiver() {
        receiver.close();
    }

    private String subscribe(String filter, String path) {
        String body = "{\"filter\":" + filter + ",\"delivery\":{\"webhook\":\"" + receiver.url(path)
                + "\",\"secret\":\"" + SECRET + "\"}}";
        Http.Response response = post("/api/subscriptions", body);
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json().get("id").asText();
    }

    private List<WebhookReceiver.Received> deliveredTo(String subscription) {
        return receiver.delivered().stream()
                .filter(r -> r.id().startsWith("msg_" + subscription + "_"))
                .toList();
    }

    @Test
    void aCertificatesExpiryAlertReachesItsSubscribersSignedWithTheCertificatesState() throws Exception {
        String host = id("alertwatched");
        registerHost(host, "FR", null, null);
        String cert = id("alertwatchedcert");
        grant(cert, host, "[1,2,3,4,5,6]", "2025-01-01", "2027-06-01");
        // An alert is about a certificate in use: one a decision in force rests on.
        String decision = id("alertwatcheddecision");
        decide(decision, host, "[1,2,3,4,5,6]", "2025-01-01");
        read("/api/certifications/" + cert, Long.toString(head()));

        String byCertificate = subscribe("{\"recordIds\":[\"" + cert + "\"]}", "/certificate");
        String byHost = subscribe("{\"hostId\":\"" + host + "\",\"eventTypes\":[\"AlertRecorded\"]}", "/host");
        String byType = subscribe("{\"eventTypes\":[\"AlertRecorded\"]}", "/type");

        clock.set(Instant.parse("2027-03-15T10:00:00Z"));
        assertThat(job.run().recorded()).isPositive();
        String alert = "alert:certificate-expiring:" + cert + ":2027-06-01";

        ObjectMapper json = new ObjectMapper();
        for (String subscription : List.of(byCertificate, byHost, byType)) {
            await("an alert delivered to " + subscription)
                    .atMost(PATIENCE)
                    .until(() -> deliveredTo(subscription).stream()
                            .anyMatch(r -> r.body().contains(alert)));
        }
        assertThat(deliveredTo(byCertificate))
                .as("only the alert happened after subscribing")
                .hasSize(1);
        assertThat(deliveredTo(byHost)).hasSize(1);

        WebhookReceiver.Received received = deliveredTo(byCertificate).get(0);
        // The timestamp is the application's clock, which the test moved.
        long now = clock.instant().getEpochSecond();
        assertThat(StandardWebhooksVerifier.verify(
                        SECRET, received.id(), received.timestamp(), received.signature(), received.body(), now))
                .isTrue();
        JsonNode body = json.readTree(received.body());
        assertThat(body.get("type").asText()).isEqualTo("hostledger.AlertRecorded");
        assertThat(body.at("/data/id").asText()).isEqualTo(received.id());
        assertThat(body.at("/data/record/id").asText()).isEqualTo(cert);
        assertThat(body.at("/data/record/type").asText()).isEqualTo("Alert");
        assertThat(body.at("/data/record/hostId").asText()).isEqualTo(host);
        assertThat(body.at("/data/event/type").asText()).isEqualTo("AlertRecorded");
        assertThat(body.at("/data/event/payload/alertKey").asText()).isEqualTo(alert);
        assertThat(body.at("/data/event/payload/kind").asText()).isEqualTo("CERTIFICATE_EXPIRING");
        assertThat(body.at("/data/state/id").asText())
                .as("the state of the certificate the alert is about")
                .isEqualTo(cert);
        assertThat(body.at("/data/state/validUntil").asText()).isEqualTo("2027-06-01");
        assertThat(json.readTree(deliveredTo(byHost).get(0).body())
                        .at("/data/event/payload/alertKey")
                        .asText())
                .isEqualTo(alert);

        // A suspension: an alert about the certificate, and one about the decision left without a certificate.
        clock.set(Instant.parse("2027-03-16T10:00:00Z"));
        Http.Response suspended = post(
                "/api/certifications/" + cert + "/suspensions",
                "{\"effectiveOn\":\"2027-03-16\",\"reason\":\"Audit\",\"sources\":" + sources() + "}");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
        job.run();
        job.run();
        String uncovered = "alert:decision-not-certified:" + decision + ":1";
        await("the decision's alert delivered to the host's subscription")
                .atMost(PATIENCE)
                .until(() -> deliveredTo(byHost).stream().anyMatch(r -> r.body().contains(uncovered)));
        JsonNode decisionAlert = json.readTree(deliveredTo(byHost).stream()
                .filter(r -> r.body().contains(uncovered))
                .findFirst()
                .orElseThrow()
                .body());
        assertThat(decisionAlert.at("/data/record/id").asText()).isEqualTo(decision);
        assertThat(decisionAlert.at("/data/state/id").asText())
                .as("the state of the decision the alert is about")
                .isEqualTo(decision);
        await("the suspension's alert delivered to the certificate's subscription")
                .atMost(PATIENCE)
                .until(() -> deliveredTo(byCertificate).stream()
                        .anyMatch(r -> r.body().contains("alert:certificate-suspended:" + cert + ":2027-03-16")));
        assertThat(deliveredTo(byCertificate))
                .as("the expiry alert, the suspension and its alert")
                .hasSize(3);
    }
}
