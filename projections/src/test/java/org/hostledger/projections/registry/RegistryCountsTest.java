package org.hostledger.projections.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;
import static org.hostledger.projections.ProjectionHarness.d;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.hostledger.core.event.CertificationCorrected;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationReinstated;
import org.hostledger.core.event.CertificationRenewed;
import org.hostledger.core.event.CertificationScopeChanged;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.CertificationWithdrawn;
import org.hostledger.core.event.HostCorrected;
import org.hostledger.core.event.HostOwnershipChanged;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.event.LedgerEvent;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.query.ListCertifications;
import org.hostledger.core.query.ListHosts;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.ProjectionHarness;
import org.hostledger.projections.support.AsOf;
import org.hostledger.projections.support.CurrentCounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The registry's list totals come from counts kept as hosts and certificates are written ({@link CurrentCounts}); they
 * must equal a COUNT over the records in effect, on every date — hosts in all and per exposure, certificates in all —
 * at every moment of a random history (hosts registered, corrected to another country or date, sold to a parent
 * abroad; certificates granted, renewed, suspended, reinstated, withdrawn, corrected, rescoped), fed in batches of
 * any size, after a replay, and after the migration that counted existing tables.
 */
class RegistryCountsTest {

    private static final int HOSTS = 9;
    private static final int CERTIFICATES = 14;

    @Test
    void totalsEqualACountOfTheRecordsInEffectThroughoutRandomHistories() {
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            List<LedgerEvent> history = history(random);
            TreeSet<LocalDate> probes = ProjectionHarness.probes(history);
            ProjectionHarness harness = new ProjectionHarness();
            long fixedSeed = seed;
            int compared = harness.feedInRandomBatches(
                    history,
                    random,
                    fed -> compareOn(harness, probes, "seed " + fixedSeed + " after " + fed + " events"));
            assertThat(compared).isGreaterThan(1_000);
            for (String table : List.of("rm_host_count", "rm_cert_count")) {
                assertThat(harness.jdbc.queryForList(
                                "SELECT grp, SUM(delta) AS s FROM " + table + " GROUP BY grp HAVING SUM(delta) <> 0"))
                        .as("every row of %s believed now adds as much as it takes away", table)
                        .isEmpty();
                assertThat(harness.jdbc.queryForObject("SELECT COUNT(DISTINCT stripe) FROM " + table, Integer.class))
                        .as("records of %s spread over stripes", table)
                        .isGreaterThan(1);
            }
            assertThat(harness.jdbc.queryForObject("SELECT COUNT(DISTINCT grp) FROM rm_host_count", Integer.class))
                    .as("hosts counted per exposure")
                    .isGreaterThan(1);

            harness.resetAll();
            assertThat(harness.jdbc.queryForObject(
                            "SELECT (SELECT COUNT(*) FROM rm_host_count) + (SELECT COUNT(*) FROM rm_cert_count)",
                            Integer.class))
                    .as("a reset clears the counts")
                    .isZero();
            harness.feedInOneBatch(history.toArray(LedgerEvent[]::new));
            compareOn(harness, probes, "seed " + seed + " replayed in one batch");

            harness.checkBulkReplays(
                    history,
                    RegistryProjection.NAME,
                    List.of("rm_host_count", "rm_cert_count"),
                    how -> compareOn(harness, probes, "seed " + fixedSeed + " " + how));
        }
    }

    /** V83 counts the version rows of an existing database: the same totals as counts kept from the start. */
    @Test
    void theMigrationCountsWhatIsAlreadyThere() {
        List<LedgerEvent> history = history(new Random(7));
        ProjectionHarness harness = new ProjectionHarness();
        history.forEach(harness::feed);
        harness.migrateAgain("83", "rm_host_count", "rm_cert_count");
        assertThat(harness.jdbc.queryForObject("SELECT COUNT(*) FROM rm_host_count", Integer.class))
                .isGreaterThan(0);
        assertThat(harness.jdbc.queryForObject("SELECT COUNT(*) FROM rm_cert_count", Integer.class))
                .isGreaterThan(0);
        assertThat(compareOn(harness, ProjectionHarness.probes(history), "after V83"))
                .isGreaterThan(100);
    }

    /**
     * A page that is not full says the total without counting: every page of every size, past the last one too, with
     * and without filters, as known now and as known before the last events, gives the COUNT's total and, walked to
     * the end, exactly that many records.
     */
    @Test
    void everyPageOfEverySizeGivesTheTotal() {
        List<LedgerEvent> history = history(new Random(11));
        ProjectionHarness harness = new ProjectionHarness();
        harness.feedAll(history.subList(0, history.size() - 8).toArray(LedgerEvent[]::new));
        java.time.Instant before = harness.now();
        harness.feedAll(history.subList(history.size() - 8, history.size()).toArray(LedgerEvent[]::new));
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(harness.jdbc);
        int checked = 0;
        // The longest list of hosts and of certificates met: pages past the first must have been walked.
        long[] largest = new long[2];
        for (LocalDate date : List.of(d("2019-06-01"), d("2023-01-01"))) {
            for (TimePoint at : List.of(TimePoint.asKnownNow(date), harness.at(date.toString(), before))) {
                for (Exposure exposure : Arrays.asList(null, Exposure.EU, Exposure.NON_EU)) {
                    MapSqlParameterSource params =
                            AsOf.params(at).addValue("exposure", exposure == null ? null : exposure.name());
                    long expected = jdbc.queryForObject(
                            "SELECT COUNT(*) FROM rm_host_version h WHERE " + AsOf.version("h")
                                    + " AND (CAST(:exposure AS VARCHAR) IS NULL OR h.exposure = :exposure)",
                            params,
                            Long.class);
                    largest[0] = Math.max(largest[0], expected);
                    checked += ProjectionHarness.walkPages(expected, "hosts " + exposure + " " + at, (page, size) -> {
                        var answer =
                                harness.registry.handle(new ListHosts(null, exposure, at, new PageRequest(page, size)));
                        return new long[] {answer.totalItems(), answer.items().size()};
                    });
                }
                for (String host : Arrays.asList(null, "h1", "h4")) {
                    MapSqlParameterSource params = AsOf.params(at).addValue("host", host);
                    long expected = jdbc.queryForObject(
                            "SELECT COUNT(*) FROM rm_cert_version c WHERE " + AsOf.version("c")
                                    + " AND (CAST(:host AS VARCHAR) IS NULL OR c.host_id = :host)",
                            params,
                            Long.class);
                    largest[1] = Math.max(largest[1], expected);
                    checked += ProjectionHarness.walkPages(
                            expected, "certificates of " + host + " " + at, (page, size) -> {
                                var answer = harness.registry.handle(
                                        new ListCertifications(host, null, null, at, new PageRequest(page, size)));
                                return new long[] {
                                    answer.totalItems(), answer.items().size()
                                };
                            });
                }
            }
        }
        assertThat(checked).isGreaterThan(500);
        assertThat(largest[0]).as("the longest list of hosts").isGreaterThan(7);
        assertThat(largest[1]).as("the longest list of certificates").isGreaterThan(7);
    }

    /** Compares the handlers' totals with a COUNT on every probe date; answers how many comparisons. */
    private static int compareOn(ProjectionHarness harness, TreeSet<LocalDate> probes, String when) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(harness.jdbc);
        int compared = 0;
        List<Exposure> exposures = new ArrayList<>(List.of(Exposure.values()));
        exposures.add(null);
        for (LocalDate date : probes) {
            TimePoint at = TimePoint.asKnownNow(date);
            for (Exposure exposure : exposures) {
                MapSqlParameterSource params = AsOf.params(at);
                String sql = "SELECT COUNT(*) FROM rm_host_version h WHERE " + AsOf.version("h");
                if (exposure != null) {
                    sql += " AND h.exposure = :exposure";
                    params.addValue("exposure", exposure.name());
                }
                long expected = jdbc.queryForObject(sql, params, Long.class);
                // A page of one is full whenever there is a host: its total comes from the counts.
                long total = harness.registry
                        .handle(new ListHosts(null, exposure, at, new PageRequest(0, 1)))
                        .totalItems();
                assertThat(total)
                        .as("%s: hosts %s on %s", when, exposure == null ? "in all" : exposure, date)
                        .isEqualTo(expected);
                compared++;
            }
            long expected = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM rm_cert_version c WHERE " + AsOf.version("c"), AsOf.params(at), Long.class);
            long total = harness.registry
                    .handle(new ListCertifications(null, null, null, at, new PageRequest(0, 1)))
                    .totalItems();
            assertThat(total).as("%s: certificates on %s", when, date).isEqualTo(expected);
            compared++;
        }
        return compared;
    }

    static List<LedgerEvent> history(Random random) {
        List<LedgerEvent> events = new ArrayList<>();
        Map<String, LocalDate> registered = new HashMap<>();
        Map<String, LocalDate> granted = new HashMap<>();
        List<String> hosts = new ArrayList<>();
        List<String> certificates = new ArrayList<>();
        int nextHost = 1;
        int nextCertificate = 0;
        for (int step = 0; step < 80; step++) {
            if (hosts.isEmpty() || (nextHost <= HOSTS && random.nextInt(4) == 0)) {
                String id = "h" + nextHost++;
                LocalDate on = d("2016-01-01").plusDays(random.nextInt(1500));
                registered.put(id, on);
                hosts.add(id);
                events.add(
                        random.nextBoolean()
                                ? new HostRegistered(id, "Host " + id, "FR", null, null, on, SOURCES)
                                : new HostRegistered(id, "Host " + id, "IE", "Big Cloud", "US", on, SOURCES));
                continue;
            }
            String host = hosts.get(random.nextInt(hosts.size()));
            if (certificates.isEmpty() || (nextCertificate < CERTIFICATES && random.nextInt(3) == 0)) {
                String id = "cert-" + nextCertificate++;
                LocalDate from = registered.get(host).plusDays(random.nextInt(400));
                granted.put(id, from);
                certificates.add(id);
                events.add(new CertificationGranted(
                        id, host, "HDS", "v1", "Certifier", List.of(1, 2), "scope", from, from.plusYears(3), SOURCES));
                continue;
            }
            String certificate = certificates.get(random.nextInt(certificates.size()));
            LocalDate on = granted.get(certificate).plusDays(random.nextInt(900));
            switch (random.nextInt(9)) {
                case 0 ->
                    events.add(new HostCorrected(
                            host,
                            "Host " + host,
                            random.nextBoolean() ? "DE" : "US",
                            null,
                            null,
                            registered.get(host).plusDays(random.nextInt(200) - 100),
                            "country",
                            SOURCES));
                case 1 ->
                    events.add(new HostOwnershipChanged(
                            host,
                            random.nextBoolean() ? "Big Cloud" : "Euro Group",
                            random.nextBoolean() ? "US" : "FR",
                            registered.get(host).plusDays(random.nextInt(900)),
                            "sold",
                            SOURCES));
                case 2 -> events.add(new CertificationRenewed(certificate, on.plusYears(3), "v2", on, SOURCES));
                case 3 -> events.add(new CertificationSuspended(certificate, on, "audit", SOURCES));
                case 4 -> events.add(new CertificationReinstated(certificate, on, "audit passed", SOURCES));
                case 5 -> events.add(new CertificationWithdrawn(certificate, on, "withdrawn", SOURCES));
                case 6 -> {
                    LocalDate from = granted.get(certificate).plusDays(random.nextInt(120) - 60);
                    granted.put(certificate, from);
                    events.add(new CertificationCorrected(
                            certificate,
                            host,
                            "v1",
                            "Other certifier",
                            List.of(1, 2, 3),
                            "scope",
                            from,
                            from.plusYears(random.nextInt(3) + 1),
                            "dates",
                            SOURCES));
                }
                case 7 ->
                    events.add(new CertificationScopeChanged(
                            certificate, List.of(random.nextInt(6) + 1), on, "scope", SOURCES));
                default -> events.add(new HostOwnershipChanged(host, null, null, on, "bought back", SOURCES));
            }
        }
        return events;
    }
}
