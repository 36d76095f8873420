package org.hostledger.api.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.Flyway;
import org.hostledger.api.HostLedgerApplication;
import org.hostledger.api.PostgresTestSchema;
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
 * V80 but not yet V63, V64 or V81 left it, and starts the application on it.
 */
class UpgradeTest {

    /** The migrations added after a higher-numbered one had shipped, and the ones added since. */
    private static final Set<String> ADDED_LATER = Set.of("63", "64", "81", "83");

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

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(HostLedgerApplication.class)
                .profiles("test")
                .run(
                        "--server.port=0",
                        "--hostledger.data-dir=" + dataDir.toAbsolutePath(),
                        "--hostledger.ledger.signing-key=" + dataDir.toAbsolutePath() + "/ledger-signing.key",
                        "--hostledger.test.schema=" + schema,
                        "--spring.datasource.url=" + url)) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            assertThat(jdbc.queryForList(
                            "SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\" = TRUE", String.class))
                    .containsAll(ADDED_LATER)
                    .contains("80");
            for (String counts : Set.of("rm_decision_count", "rm_host_count", "rm_cert_count")) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + counts, Long.class))
                        .isNotNull();
            }
        }
    }
}
