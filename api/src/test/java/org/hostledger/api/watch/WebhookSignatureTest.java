package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    /** The test vector published with the Standard Webhooks reference libraries. */
    @Test
    void signsThePublishedStandardWebhooksVector() throws Exception {
        String signature = WebhookSignature.sign(
                "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                "msg_p5jXN8AQM9LWM0D4loKWxJek",
                1614265330,
                "{\"test\": 2432232314}");
        assertThat(signature).isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        assertThat(StandardWebhooksVerifier.verify(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        "1614265330",
                        "v1,bm9wZQ== " + signature,
                        "{\"test\": 2432232314}",
                        1614265330))
                .isTrue();
        assertThat(StandardWebhooksVerifier.verify(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        "1614265330",
                        signature,
                        "{\"test\": 2432232315}",
                        1614265330))
                .isFalse();
    }

    @Test
    void newSecretsAreWellFormedAndDistinct() {
        String one = WebhookSignature.newSecret();
        assertThat(one).startsWith("whsec_");
        assertThat(WebhookSignature.key(one)).hasSize(32);
        assertThat(WebhookSignature.newSecret()).isNotEqualTo(one);
    }

    @Test
    void malformedSecretsAreRefused() {
        assertThatThrownBy(() -> WebhookSignature.key("MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
                .hasMessageContaining("whsec_");
        assertThatThrownBy(() -> WebhookSignature.key("whsec_not base64!")).hasMessageContaining("base64");
        assertThatThrownBy(() -> WebhookSignature.key("whsec_c2hvcnQ=")).hasMessageContaining("24 to 64 bytes");
    }

    @Test
    void backoffDoublesWithJitterUpToTheCeiling() {
        WatchProperties properties = new WatchProperties();
        properties.setRetryBase(Duration.ofSeconds(2));
        properties.setRetryMax(Duration.ofSeconds(60));
        WebhookDispatcher dispatcher =
                new WebhookDispatcher(null, properties, null, null, null, null, null, null, null);
        for (int i = 0; i < 200; i++) {
            assertThat(dispatcher.backoff(1)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
            assertThat(dispatcher.backoff(3)).isBetween(Duration.ofSeconds(4), Duration.ofSeconds(8));
            assertThat(dispatcher.backoff(10)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
            assertThat(dispatcher.backoff(1000)).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60));
        }
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> dispatcher.backoff(5))
                .distinct()
                .count();
        assertThat(distinct).as("jitter spreads retries").isGreaterThan(1);
    }
}
