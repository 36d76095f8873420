package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Subscriptions over REST: who may, what is refused (no request forgery), and the owner's view. */
class SubscriptionApiTest extends IntegrationTest {

    private long subscriptionCount() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM watch_subscription", Long.class);
    }

    private Http.Response subscribe(String webhook) {
        return post(
                "/api/subscriptions",
                "{\"filter\":{\"eventTypes\":[\"HostRegistered\"]},\"delivery\":{\"webhook\":\"" + webhook + "\"}}");
    }

    private static void assertRefused(Http.Response response, String field, String words) {
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode error = response.json().get("errors").get(0);
        assertThat(error.get("field").asText()).isEqualTo(field);
        assertThat(error.get("message").asText()).contains(words);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://hooks.example.invalid/hostledger",
                "http://127.0.0.1.example.invalid/hook",
                "http://localhost.invalid:8080/hook"
            })
    void aWebhookToAHostOutsideTheAllowListIsRefused(String url) {
        long before = subscriptionCount();
        assertRefused(subscribe(url), "delivery.webhook", "not in hostledger.subscriptions.allowed-hosts");
        assertThat(subscriptionCount()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://127.0.0.1/hook", "file:///etc/passwd", "gopher://localhost/x", "jar:file:/x!/y"})
    void aNonHttpWebhookIsRefused(String url) {
        long before = subscriptionCount();
        assertRefused(subscribe(url), "delivery.webhook", "only http and https");
        assertThat(subscriptionCount()).isEqualTo(before);
    }

    @Test
    void userInformationInAWebhookUrlIsRefused() {
        assertRefused(subscribe("http://user:pass@127.0.0.1/hook"), "delivery.webhook", "no user information");
    }

    @Test
    void aWebhookThatRedirectsIsRefusedAndTheRedirectIsNotFollowed() throws Exception {
        try (WebhookReceiver target = new WebhookReceiver();
                WebhookReceiver redirecting = new WebhookReceiver()) {
            redirecting.redirectTo(target.url("/elsewhere"));
            long before = subscriptionCount();
            assertRefused(subscribe(redirecting.url("/hook")), "delivery.webhook", "redirect");
            assertThat(subscriptionCount()).isEqualTo(before);
            assertThat(redirecting.received()).hasSize(1);
            assertThat(target.received()).as("the redirect was not followed").isEmpty();
        }
    }

    @Test
    void aMalformedSecretOrFilterIsRefused() {
        assertRefused(
                post(
                        "/api/subscriptions",
                        "{\"delivery\":{\"webhook\":\"http://127.0.0.1:9/x\",\"secret\":\"not-a-secret\"}}"),
                "delivery.secret",
                "whsec_");
        assertRefused(
                post("/api/subscriptions", "{\"filter\":{\"eventTypes\":[\"drop table\"]}}"),
                "filter.eventTypes",
                "not an event name");
        Http.Response unknownField = post("/api/subscriptions", "{\"filter\":{\"owner\":\"someone\"}}");
        assertThat(unknownField.status()).isEqualTo(400);
    }

    @Test
    void subscriptionsNeedARoleAndEachSeesItsOwn() {
        Http.Response anonymous = http.at("/api/subscriptions").post("{}").send();
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(http.at("/api/subscriptions").send().status()).isEqualTo(401);
        Http.Response reader = http.at("/api/subscriptions")
                .as("reader", "reader-pass")
                .post("{}")
                .send();
        assertThat(reader.status()).isEqualTo(403);

        Http.Response feedOnly = post("/api/subscriptions", "{\"filter\":{\"register\":\"fedramp\"}}");
        assertThat(feedOnly.status()).as(feedOnly.toString()).isEqualTo(201);
        String id = feedOnly.json().get("id").asText();
        assertThat(feedOnly.header("Location")).endsWith("/api/subscriptions/" + id);
        assertThat(feedOnly.json().has("secret")).as("no webhook, no secret").isFalse();
        assertThat(feedOnly.json().get("feed").asText()).isEqualTo("/api/feeds/changes.atom?subscription=" + id);
        assertThat(feedOnly.json().get("owner").asText()).isEqualTo("editor");

        Http.Response mine = http.at("/api/subscriptions").editor().send();
        assertThat(mine.json().get("items").findValuesAsText("id")).contains(id);
        Http.Response one = http.at("/api/subscriptions/" + id).editor().send();
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("filter").get("register").asText()).isEqualTo("fedramp");
        assertThat(http.at("/api/subscriptions/" + id).admin().send().status()).isEqualTo(200);
        assertThat(http.at("/api/subscriptions/" + id).auditor().send().status())
                .isEqualTo(403);
        assertThat(http.at("/api/subscriptions/sub-unknown").editor().send().status())
                .isEqualTo(404);

        Http.Response deleted =
                http.at("/api/subscriptions/" + id).editor().method("DELETE").send();
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(http.at("/api/subscriptions/" + id).editor().send().status()).isEqualTo(404);
    }

    @Test
    void aWebhookSubscriptionAnswersItsSecretOnceAndPingsTheReceiverSigned() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            Http.Response created = subscribe(receiver.url("/hook"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String secret = created.json().get("secret").asText();
            assertThat(secret).startsWith("whsec_");
            WebhookReceiver.Received ping = receiver.received().get(0);
            assertThat(ping.body()).contains("hostledger.subscription.created");
            assertThat(StandardWebhooksVerifier.verify(
                            secret,
                            ping.id(),
                            ping.timestamp(),
                            ping.signature(),
                            ping.body(),
                            java.time.Instant.now().getEpochSecond()))
                    .isTrue();
            String id = created.json().get("id").asText();
            Http.Response read = http.at("/api/subscriptions/" + id).editor().send();
            assertThat(read.body()).doesNotContain(secret);
        }
    }
}
