package org.hostledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.hostledger.api.HostLedgerApplication;
import org.hostledger.api.PostgresTestSchema;
import org.hostledger.core.audit.EventChain;
import org.hostledger.store.audit.ChainVerifier;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database made by an earlier build starts with this one. Migrations were not always added in version order:
 * V63 and V64 came after V80 had shipped, and Flyway refuses by default a migration numbered below one already
 * applied ("resolved migration not applied to database"), so such a database would not start. The application lets
 * Flyway apply them out of order (they touch tables V80 does not); this test makes a database as the build that had
 * V80 but not yet V63, V64 or V81 left it, writes events into it as that build did, and starts the application on
 * it: the events must read back as written, their hash chain intact (on PostgreSQL, V84 moves them to compact rows).
 */
class UpgradeTest {

    /** The migrations added after a higher-numbered one had shipped, and the ones added since. */
    private static final Set<String> ADDED_LATER = Set.of("63", "64", "81", "83", "84");

    @Test
    void aDatabaseOfAnEarlierBuildStartsAndGetsTheMigrationsItLacks() throws Exception {
        Path dataDir = Files.createTempDirectory(Path.of("target"), "upgrade-");
        // On PostgreSQL (-Ppostgres) the earlier database is a schema of its own, which the application is then told
        // to use; on H2 a file.
        boolean postgres = PostgresTestSchema.enabled();
        String schema = "up" + dataDir.getFileName().toString().replaceAll("[^a-z0-9]", "");
        String vendor = postgres ? "postgresql" : "h2";
        String url = postgres
                ? System.getProperty(PostgresTestSchema.URL)
                : "jdbc:h2:file:" + dataDir.toAbsolutePath() + "/hostledger;WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
        Path earlier = dataDir.resolve("earlier-migrations");
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        Set<String> copied = new java.util.TreeSet<>();
        for (String folder : List.of("common", vendor)) {
            Path target = Files.createDirectories(earlier.resolve(folder));
            for (Resource migration : resolver.getResources("classpath*:db/migration/" + folder + "/V*.sql")) {
                String name = migration.getFilename();
                if (ADDED_LATER.contains(name.substring(1, name.indexOf("__")))) {
                    continue;
                }
                try (InputStream in = migration.getInputStream()) {
                    // The same migration may be on the class path twice (a module's classes and its jar).
                    Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                copied.add(folder + "/" + name);
            }
        }
        assertThat(copied)
                .hasSizeGreaterThan(10)
                .contains("common/V80__change_dates.sql", vendor + "/V1__event_store.sql");
        var flyway = Flyway.configure()
                .locations("filesystem:" + earlier.resolve("common"), "filesystem:" + earlier.resolve(vendor));
        if (postgres) {
            flyway.dataSource(
                            url,
                            System.getProperty("hostledger.test.postgres-user", "hostledger"),
                            System.getProperty("hostledger.test.postgres-password", "hostledger"))
                    .schemas(schema)
                    .defaultSchema(schema);
        } else {
            flyway.dataSource(url, "hostledger", "");
        }
        flyway.load().migrate();
        List<OldEvent> old = appendAsTheEarlierBuildDid(
                flyway.load().getConfiguration().getDataSource(), postgres ? schema + "." : "");

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HostLedgerApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--hostledger.data-dir=" + dataDir.toAbsolutePath(),
                        "--hostledger.ledger.signing-key=" + dataDir.toAbsolutePath() + "/ledger-signing.key",
                        "--hostledger.test.schema=" + schema,
                        "--spring.datasource.url=" + url)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            // V84 is PostgreSQL's alone: H2 keeps its event table.
            Set<String> lacked = postgres
                    ? ADDED_LATER
                    : ADDED_LATER.stream()
                            .filter(version -> !version.equals("84"))
                            .collect(Collectors.toSet());
            assertThat(jdbc.queryForList(
                            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", String.class))
                    .containsAll(lacked)
                    .contains("80");
            // The earlier build's events read back as they were written, and their chain holds. On PostgreSQL they
            // were moved to compact rows (V84): the payload type and revision as a code, the identifier as a uuid.
            for (OldEvent event : old) {
                Map<String, Object> row = jdbc.queryForMap(
                        "SELECT event_identifier, payload_type, payload_revision, payload FROM domain_event_entry"
                                + " WHERE global_index = ?",
                        event.index());
                assertThat(row.get("event_identifier")).isEqualTo(event.identifier());
                assertThat(row.get("payload_type")).isEqualTo(event.payloadType());
                assertThat(row.get("payload_revision")).isEqualTo(event.revision());
                assertThat((byte[]) row.get("payload")).isEqualTo(event.payload());
            }
            ChainVerifier.Result chain = app.getBean(ChainVerifier.class).verify();
            assertThat(chain.intact()).as(chain.toString()).isTrue();
            assertThat(chain.checked()).isGreaterThanOrEqualTo(old.size());
            if (postgres) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM event_payload_type", Long.class))
                        .isGreaterThanOrEqualTo(2);
            }
            for (String counts : Set.of("rm_decision_count", "rm_host_count", "rm_cert_count")) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + counts, Long.class))
                        .isNotNull();
            }
        }
    }

    private record OldEvent(long index, String identifier, String payloadType, String revision, byte[] payload) {}

    /**
     * Three events appended as the earlier build did, straight into its event table under its chain head: two of one
     * type without a revision and one of another with a revision. Their types have no handler; the Merkle tree is
     * left at size 0, which the application fills in at start-up. {@code prefix} names the earlier database's schema
     * on PostgreSQL (empty on H2).
     */
    private static List<OldEvent> appendAsTheEarlierBuildDid(javax.sql.DataSource dataSource, String prefix) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        Instant recorded = EventChain.truncate(Instant.parse("2024-06-01T10:15:30.123456Z"));
        OffsetDateTime recordedAt = OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC);
        byte[] hash =
                jdbc.queryForObject("SELECT last_hash FROM " + prefix + "ledger_chain_head WHERE id = 1", byte[].class);
        List<OldEvent> events = List.of(
                new OldEvent(
                        1, UUID.randomUUID().toString(), "org.example.UpgradeProbeNoted", null, bytes("{\"n\":1}")),
                new OldEvent(
                        2, UUID.randomUUID().toString(), "org.example.UpgradeProbeRevised", "2", bytes("{\"n\":2}")),
                new OldEvent(
                        3, UUID.randomUUID().toString(), "org.example.UpgradeProbeNoted", null, bytes("{\"n\":3}")));
        byte[] metadata = bytes("{}");
        for (OldEvent event : events) {
            hash = EventChain.link(
                    hash,
                    new EventChain.Link(
                            event.index(),
                            event.identifier(),
                            "UpgradeProbe",
                            "upgrade-probe",
                            event.index() - 1,
                            recorded,
                            event.payloadType(),
                            event.revision(),
                            event.payload(),
                            metadata));
            jdbc.update(
                    "INSERT INTO " + prefix
                            + "domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                            + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                            + "meta_data, chain_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    event.index(),
                    event.identifier(),
                    "upgrade-probe",
                    event.index() - 1,
                    "UpgradeProbe",
                    recordedAt,
                    event.payloadType(),
                    event.revision(),
                    event.payload(),
                    metadata,
                    hash);
        }
        jdbc.update(
                "UPDATE " + prefix
                        + "ledger_chain_head SET last_index = ?, last_hash = ?, last_recorded = ? WHERE id = 1",
                events.size(),
                hash,
                recordedAt);
        return events;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
