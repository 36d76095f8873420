package org.hostledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.axonframework.micrometer.GlobalMetricRegistry;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.config.BoundedMetricRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** What an operator scrapes: projection lag and Axon's processor metrics at /actuator/prometheus, for ADMIN only. */
class MonitoringTest extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void prometheusShowsEachProjectionsLagAndAxonsProcessorMetrics() {
        String host = id("mh");
        String position = registerHost(host, "FR", null, null);
        read("/api/hosts/" + host, position);

        Http.Response scrape = http.at("/actuator/prometheus").admin().send();
        assertThat(scrape.status()).as(scrape.toString()).isEqualTo(200);
        assertThat(scrape.contentType()).startsWith("text/plain");
        String body = scrape.body();
        for (String processor : new String[] {"registry", "hosting-map"}) {
            Matcher lag = Pattern.compile(
                            "hostledger_projection_lag_events\\{[^}]*processor=\"" + processor + "\"[^}]*} ([0-9.E]+)")
                    .matcher(body);
            assertThat(lag.find()).as("lag of " + processor + " in\n" + body).isTrue();
            assertThat(Double.parseDouble(lag.group(1)))
                    .as("caught up after awaitPosition")
                    .isZero();
        }
        // axon-micrometer: the processors' latency, tagged by processor.
        assertThat(body).containsPattern("eventProcessor_latency\\{[^}]*processorName=\"registry\"");
        // Their capacity and the command bus's, from the constant-memory gauges that replace Axon's reservoir.
        assertThat(body).containsPattern("eventProcessor_capacity\\{[^}]*processorName=\"registry\"");
        assertThat(body).containsPattern("commandBus_capacity\\{[^}]*payloadType=\"RegisterHost\"");
        assertThat(context.getBean(GlobalMetricRegistry.class)).isInstanceOf(BoundedMetricRegistry.class);
    }

    /**
     * HTTP latency is measured once per request; Spring Security's own observations (a timer per filter of the chain,
     * per authentication and per authorization) are off: they cost a fifth of the request threads' CPU and no one reads them.
     */
    @Test
    void httpLatencyIsMeasuredButNotEachSecurityFilter() {
        assertThat(http.get("/api/hosts?size=1").status()).isEqualTo(200);
        assertThat(http.at("/api/hosts?size=1").editor().send().status()).isEqualTo(200);

        String body = http.at("/actuator/prometheus").admin().send().body();
        assertThat(body).containsPattern("http_server_requests_seconds_count\\{[^}]*uri=\"/api/hosts\"");
        assertThat(body).doesNotContain("spring_security_");
    }

    @Test
    void metricsAreForAdminsOnly() {
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.at("/actuator/prometheus").editor().send().status()).isEqualTo(403);
        assertThat(http.at("/actuator/metrics").auditor().send().status()).isEqualTo(403);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }
}
