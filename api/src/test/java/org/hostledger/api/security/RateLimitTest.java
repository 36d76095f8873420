package org.hostledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * Small limits in a context of its own. The tests run in one JVM against one address, so each uses its own
 * principal or consumes the address's sign-in budget in one test only.
 */
@TestPropertySource(
        properties = {
            "hostledger.security.rate-limits.failed-sign-ins.capacity=5",
            "hostledger.security.rate-limits.failed-sign-ins.period=10m",
            "hostledger.security.rate-limits.writes.capacity=3",
            "hostledger.security.rate-limits.writes.period=10m",
            "hostledger.security.rate-limits.exports.capacity=2",
            "hostledger.security.rate-limits.exports.period=10m"
        })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTest extends IntegrationTest {

    @Autowired
    CachedCredentials credentials;

    private static final String HOST_BODY =
            "{\"name\":\"X\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}";

    @Test
    @Order(3) // last: the address's sign-in budget is spent afterwards
    void repeatedFailedSignInsFromOneAddressAreAnswered429WithoutAPasswordCheck() {
        // Verified before the flood: still accepted during it, since accepting them costs nothing.
        assertThat(http.at("/api/audit/verify").auditor().send().status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            Http.Response refused =
                    http.at("/api/hosts").as("mallory-" + i, "guess-" + i).send();
            assertThat(refused.status()).as(refused.toString()).isEqualTo(401);
        }
        long checks = credentials.checks();
        for (int i = 0; i < 20; i++) {
            Http.Response throttled =
                    http.at("/api/hosts").as("mallory-x" + i, "guess").send();
            assertThat(throttled.status()).as(throttled.toString()).isEqualTo(429);
            assertThat(throttled.contentType()).startsWith("application/problem+json");
            assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
            assertThat(Long.parseLong(throttled.header("Retry-After"))).isBetween(1L, 600L);
        }
        assertThat(credentials.checks())
                .as("no password checked while throttled")
                .isEqualTo(checks);
        // The same address without credentials reads as before; recently verified credentials still work.
        assertThat(http.get("/api/hosts").status()).isEqualTo(200);
        assertThat(http.at("/api/audit/verify").auditor().send().status()).isEqualTo(200);
        // Credentials not verified lately wait like the rest: the right password of a user not seen yet included.
        assertThat(http.at("/api/decisions").admin().send().status()).isEqualTo(429);
    }

    @Test
    @Order(1)
    void writesArePerPrincipalAndARefusedWriteRecordsNothing() {
        long before = eventCount();
        for (int i = 0; i < 3; i++) {
            Http.Response written =
                    http.at("/api/hosts").editor().post(HOST_BODY).send();
            assertThat(written.status()).as(written.toString()).isEqualTo(201);
            assertThat(written.header("RateLimit-Limit")).isEqualTo("3");
            assertThat(written.header("RateLimit-Remaining")).isEqualTo(Integer.toString(2 - i));
            assertThat(written.header("RateLimit-Reset")).isNotNull();
        }
        long afterThree = eventCount();
        assertThat(afterThree).isEqualTo(before + 3);
        Http.Response refused = http.at("/api/hosts").editor().post(HOST_BODY).send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(eventCount()).as("nothing recorded").isEqualTo(afterThree);
        // Reads by the same principal are not writes.
        assertThat(http.at("/api/hosts").editor().send().status()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void exportsArePerPrincipal() {
        for (int i = 0; i < 2; i++) {
            Http.Response export =
                    http.at("/api/certifications").header("Accept", "text/csv").send();
            assertThat(export.status()).as(export.toString()).isEqualTo(200);
        }
        Http.Response refused =
                http.at("/api/certifications").header("Accept", "text/csv").send();
        assertThat(refused.status()).as(refused.toString()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        // The JSON list is a read, not an export.
        assertThat(http.get("/api/certifications").status()).isEqualTo(200);
    }
}
