package org.hostledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.hostledger.api.HostLedgerApplication;
import org.hostledger.api.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** The file store keeps everything across a restart, and the demo history is loaded once. */
class RestartTest {

    @Test
    void aRestartKeepsEverythingAndDoesNotLoadTheDemoTwice() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "restart-");
        String schema = "r" + dataDir.getFileName().toString().replaceAll("[^a-z0-9]", "");
        long eventsBefore;
        String position;
        try (ConfigurableApplicationContext first = start(dataDir, schema)) {
            Http http = new Http(port(first));
            Http.Response created = http.at("/api/hosts")
                    .as("editor", "editor-pass")
                    .post("{\"id\":\"kept-host\",\"name\":\"Kept\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\","
                            + "\"sources\":[{\"title\":\"t\"}]}")
                    .send();
            assertThat(created.status()).isEqualTo(201);
            position = created.header("X-Ledger-Position");
            eventsBefore = events(first);
            assertThat(eventsBefore).isEqualTo(37);
            assertThat(http.get("/api/hosts/kept-host?awaitPosition=" + position)
                            .status())
                    .isEqualTo(200);
            assertThat(sendWithKey(http).status()).isEqualTo(201);
            eventsBefore = events(first);
        }
        try (ConfigurableApplicationContext second = start(dataDir, schema)) {
            assertThat(events(second)).isEqualTo(eventsBefore);
            Http http = new Http(port(second));
            Http.Response host = http.get("/api/hosts/kept-host?awaitPosition=" + position);
            assertThat(host.status()).isEqualTo(200);
            assertThat(host.json().get("name").asText()).isEqualTo("Kept");
            Http.Response retried = sendWithKey(http);
            assertThat(retried.status()).isEqualTo(201);
            assertThat(retried.header("Idempotency-Replayed")).isEqualTo("true");
            assertThat(events(second))
                    .as("an idempotency key survives a restart")
                    .isEqualTo(eventsBefore);
            // Processors resumed from their tokens: nothing was processed twice.
            Long versions = second.getBean(JdbcTemplate.class)
                    .queryForObject("SELECT COUNT(*) FROM rm_host_version WHERE host_id = 'kept-host'", Long.class);
            assertThat(versions).isEqualTo(1L);
        }
    }

    /**
     * A store keeps the segments its projections were created with: opened again with another
     * {@code hostledger.projection-segments}, every segment is still processed (a node claimed only the configured
     * count, so the events of the other segments never reached the views).
     */
    @Test
    void aStoreOpenedWithFewerSegmentsConfiguredStillProcessesEverySegment() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "segments-");
        String schema = "s" + dataDir.getFileName().toString().replaceAll("[^a-z0-9]", "");
        try (ConfigurableApplicationContext first = start(dataDir, schema, "--hostledger.projection-segments=4")) {
            assertThat(segments(first, "registry")).isEqualTo(4);
        }
        try (ConfigurableApplicationContext second = start(dataDir, schema, "--hostledger.projection-segments=1")) {
            Http http = new Http(port(second));
            String position = null;
            // Host ids spread over the four segments (Axon's segments split by the aggregate id's hash).
            for (int i = 0; i < 12; i++) {
                Http.Response created = http.at("/api/hosts")
                        .as("editor", "editor-pass")
                        .post("{\"id\":\"seg-host-" + i + "\",\"name\":\"Host " + i + "\",\"country\":\"FR\","
                                + "\"effectiveOn\":\"2020-01-01\",\"sources\":[{\"title\":\"t\"}]}")
                        .send();
                assertThat(created.status()).isEqualTo(201);
                position = created.header("X-Ledger-Position");
            }
            Http.Response last = http.get("/api/hosts/seg-host-0?awaitPosition=" + position);
            assertThat(last.header("X-Ledger-Position-Reached"))
                    .as("every projection reached the last write")
                    .isEqualTo("true");
            for (int i = 0; i < 12; i++) {
                assertThat(http.get("/api/hosts/seg-host-" + i).status())
                        .as("seg-host-" + i)
                        .isEqualTo(200);
            }
            assertThat(segments(second, "registry")).isEqualTo(4);
        }
    }

    private static long segments(ConfigurableApplicationContext context, String processor) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM token_entry WHERE processor_name = ?", Long.class, processor);
    }

    private static Http.Response sendWithKey(Http http) {
        return http.at("/api/decisions/hdh-azure/challenges")
                .as("editor", "editor-pass")
                .header("Idempotency-Key", "restart-key")
                .post("{\"by\":\"Retry\",\"effectiveOn\":\"2021-01-01\",\"argument\":\"a\","
                        + "\"sources\":[{\"title\":\"t\"}]}")
                .send();
    }

    /** Both starts use one store: the same H2 file, or on PostgreSQL the same schema. */
    private static ConfigurableApplicationContext start(Path dataDir, String schema, String... more) {
        // Command-line arguments outrank the test profile's own store.
        return new SpringApplicationBuilder(HostLedgerApplication.class)
                .profiles("test")
                .run(Stream.concat(
                                Stream.of(
                                        "--server.port=0",
                                        "--hostledger.test.schema=" + schema,
                                        "--hostledger.data-dir=" + dataDir.toAbsolutePath(),
                                        // The test profile gives each start a key of its own; a restart keeps its
                                        // node's key.
                                        "--hostledger.ledger.signing-key="
                                                + dataDir.toAbsolutePath().resolve("ledger-signing.key"),
                                        "--spring.datasource.url=jdbc:h2:file:" + dataDir.toAbsolutePath()
                                                + "/hostledger;WRITE_DELAY=0;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE"),
                                Stream.of(more))
                        .toArray(String[]::new));
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static long events(ConfigurableApplicationContext context) {
        return context.getBean(JdbcTemplate.class)
                .queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class);
    }
}
