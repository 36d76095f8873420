package org.hostledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/** What an operator scrapes: projection lag and Axon's processor metrics at /actuator/prometheus, for ADMIN only. */
class MonitoringTest extends IntegrationTest {

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
    }

    @Test
    void metricsAreForAdminsOnly() {
        assertThat(http.get("/actuator/prometheus").status()).isEqualTo(401);
        assertThat(http.at("/actuator/prometheus").editor().send().status()).isEqualTo(403);
        assertThat(http.at("/actuator/metrics").auditor().send().status()).isEqualTo(403);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }
}
