package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** The sign-in form shares the failed sign-in budget of its client address with the API. */
@TestPropertySource(
        properties = {
            "hostledger.security.rate-limits.failed-sign-ins.capacity=3",
            "hostledger.security.rate-limits.failed-sign-ins.period=10m"
        })
class LoginThrottleTest extends IntegrationTest {

    @Test
    void failedLoginsFromOneAddressEndIn429BeforeAnyPasswordCheck() {
        PageClient pages = new PageClient(port);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> failed = pages.login("auditor", "wrong-" + i);
            assertThat(failed.statusCode()).isEqualTo(302);
            assertThat(failed.headers().firstValue("Location").orElse("")).contains("/login?error");
        }
        HttpResponse<String> throttled = pages.login("auditor", "auditor-pass");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
        assertThat(throttled.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }
}
