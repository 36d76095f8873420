package org.hostledger.api.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hostledger.api.Http;
import org.hostledger.api.PostgresTestSchema;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped under a write load ({@code .ci/postgres pause}) and started again ({@code resume}): while it is
 * down, writes and the reads that need it answer 503 problem details within the configured connection timeout, and
 * health is DOWN; once it is back, the same process accepts writes again, its projections catch up to what a replay
 * builds, and every acknowledged write is there. Runs only when the suites run on PostgreSQL ({@code -Ppostgres}),
 * and leaves the server running for the next tests.
 */
class PostgresOutageIT {

    private static final int WRITERS = 6;
    private static final int CONNECTION_TIMEOUT_MS = 2000;

    @Test
    void anOutageAnswers503AndTheApplicationRecoversWithoutARestart() throws Exception {
        assumeTrue(PostgresTestSchema.enabled(), "needs PostgreSQL: run with -Ppostgres");
        Path dir = Files.createTempDirectory(Path.of("target"), "outage-");
        try (LedgerProcess ledger = new LedgerProcess(
                dir.resolve("node"),
                Map.of(),
                List.of("--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT_MS))) {
            Http http = ledger.start();
            List<String> acked;
            List<WriteLoad.Refusal> refusals;
            try (WriteLoad load = new WriteLoad(http.port(), "outage", WRITERS)) {
                assertThat(load.awaitAcknowledged(100, Duration.ofMinutes(5))).isTrue();
                try {
                    postgres("pause");
                    assertThat(load.awaitRefusal(503, Duration.ofMinutes(1)))
                            .as("writes answer 503 while the database is down")
                            .isTrue();
                    Http.Response read = http.get("/api/hosts?size=7&page=3&country=DE");
                    assertThat(read.status()).as(read.toString()).isEqualTo(503);
                    assertThat(read.contentType()).startsWith("application/problem+json");
                    assertThat(read.header("Retry-After")).isEqualTo("5");
                    Http.Response health = http.get("/actuator/health");
                    assertThat(health.status()).as(health.toString()).isEqualTo(503);
                    assertThat(health.json().get("status").asText()).isEqualTo("DOWN");
                } finally {
                    postgres("resume");
                }
                int before = load.acknowledged().size();
                assertThat(load.awaitAcknowledged(before + 50, Duration.ofMinutes(3)))
                        .as("the same process accepts writes again")
                        .isTrue();
                load.close();
                acked = load.acknowledged();
                refusals = load.refusals();
            }

            assertThat(refusals).isNotEmpty();
            for (WriteLoad.Refusal refusal : refusals) {
                assertThat(refusal.status())
                        .as(refusal + ledger.logExcerpt("unexpected error"))
                        .isEqualTo(503);
                assertThat(refusal.contentType()).as(refusal.toString()).startsWith("application/problem+json");
                assertThat(refusal.body())
                        .contains("Database unavailable")
                        .doesNotContain("Exception")
                        .doesNotContain("at org.");
                // A few connection waits in a row at most: never the client's own 60 s time-out.
                assertThat(refusal.millis()).as(refusal.toString()).isLessThan(CONNECTION_TIMEOUT_MS * 5L);
            }
            awaitStatus(http, "/actuator/health", 200);

            Views.assertRecorded(http, acked);
            long head = Views.verifiedIntact(http).get("headPosition").asLong();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
            while (!"true"
                    .equals(http.get("/api/hosts?size=1&awaitPosition=" + head).header("X-Ledger-Position-Reached"))) {
                assertThat(System.nanoTime()).as("the projections catch up").isLessThan(deadline);
            }
            Views.assertEqualToAReplay(http, head, acked, "after the outage");
        } finally {
            postgres("resume");
        }
    }

    private static void awaitStatus(Http http, String path, int status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        int last = http.get(path).status();
        while (last != status) {
            assertThat(System.nanoTime())
                    .as(path + " answers " + status + " again")
                    .isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(500);
            last = http.get(path).status();
        }
    }

    /** Runs {@code .ci/postgres <action>} on the server the suites use. */
    private static void postgres(String action) throws Exception {
        Path script = Path.of("").toAbsolutePath();
        while (script != null && !Files.isExecutable(script.resolve(".ci/postgres"))) {
            script = script.getParent();
        }
        assertThat(script).as(".ci/postgres above the working directory").isNotNull();
        URI url = URI.create(System.getProperty(PostgresTestSchema.URL).substring("jdbc:".length()));
        ProcessBuilder builder = new ProcessBuilder(
                        script.resolve(".ci/postgres").toString(), action)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("HOSTLEDGER_PG_PORT", String.valueOf(url.getPort()));
        Process process = builder.start();
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(".ci/postgres " + action).isZero();
    }
}
