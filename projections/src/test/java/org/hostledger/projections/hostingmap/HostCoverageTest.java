package org.hostledger.projections.hostingmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;
import static org.hostledger.projections.ProjectionHarness.d;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.hostledger.core.event.HostRegistered;
import org.hostledger.projections.ProjectionHarness;
import org.hostledger.projections.support.AsOf;
import org.hostledger.projections.support.Bitemporal;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * A page's coverage read once and answered in memory gives, for every host, date and instant of knowledge, exactly what
 * the SQL coverage of the compliance filter gives ({@code AsOf.coverage}): random certificate histories (grants,
 * renewals, scope changes, suspensions and reinstatements, corrections, withdrawals, another scheme), compared on
 * every date where something starts or ends, the days around it, and as known after each event.
 */
class HostCoverageTest {

    private static final int HOSTS = 4;

    @Test
    void answersAsTheSqlCoverageOnEveryDateAsKnownAtEveryInstant() {
        for (long seed = 1; seed <= 3; seed++) {
            compare(seed);
        }
    }

    private void compare(long seed) {
        ProjectionHarness harness = new ProjectionHarness();
        Random random = new Random(seed);
        TreeSet<LocalDate> dates = new TreeSet<>();
        List<Instant> known = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (int h = 0; h < HOSTS; h++) {
            String host = "h" + h;
            hosts.add(host);
            harness.feed(new HostRegistered(host, "Host " + h, "FR", null, null, d("2017-01-01"), SOURCES));
        }
        for (int c = 0; c < 10; c++) {
            String cert = "c" + c;
            String host = hosts.get(random.nextInt(HOSTS));
            LocalDate from = d("2018-01-01").plusDays(random.nextInt(900));
            LocalDate until = from.plusYears(3);
            String scheme = c == 9 ? "SECNUMCLOUD" : "HDS";
            dates.addAll(List.of(from, until));
            known.add(harness.feed(new CertificationGranted(
                    cert, host, scheme, "v1", "LNE", activities(random), null, from, until, SOURCES)));
            LocalDate on = from;
            for (int step = 0; step < 4; step++) {
                on = on.plusDays(1 + random.nextInt(200));
                dates.add(on);
                switch (random.nextInt(5)) {
                    case 0 -> {
                        until = until.plusYears(1);
                        dates.add(until);
                        known.add(harness.feed(new CertificationRenewed(cert, until, "v2", on, SOURCES)));
                    }
                    case 1 ->
                        known.add(harness.feed(
                                new CertificationScopeChanged(cert, activities(random), on, "scope", SOURCES)));
                    case 2 -> {
                        known.add(harness.feed(new CertificationSuspended(cert, on, "audit", SOURCES)));
                        on = on.plusDays(1 + random.nextInt(60));
                        dates.add(on);
                        known.add(harness.feed(new CertificationReinstated(cert, on, "fixed", SOURCES)));
                    }
                    case 3 -> {
                        LocalDate correctedFrom = from.minusDays(random.nextInt(30));
                        dates.add(correctedFrom);
                        known.add(harness.feed(new CertificationCorrected(
                                cert,
                                host,
                                "v1",
                                "LNE",
                                activities(random),
                                null,
                                correctedFrom,
                                until,
                                "typo",
                                SOURCES)));
                    }
                    default -> {
                        if (step == 3) {
                            known.add(harness.feed(new CertificationWithdrawn(cert, on, "withdrawn", SOURCES)));
                        }
                    }
                }
            }
        }
        // As known after every third event, and now.
        List<Instant> instants = new ArrayList<>();
        for (int i = 0; i < known.size(); i += 3) {
            instants.add(known.get(i));
        }
        instants.add(null);
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(harness.jdbc);
        List<LocalDate> probes = new ArrayList<>();
        for (LocalDate date : dates) {
            probes.addAll(List.of(date.minusDays(1), date, date.plusDays(1)));
        }
        int compared = 0;
        for (Instant knownAt : instants) {
            MapSqlParameterSource at = new MapSqlParameterSource(
                    "knownAt", Bitemporal.timestamp(knownAt == null ? Bitemporal.LATEST_KNOWLEDGE : knownAt));
            HostCoverage coverage = new HostCoverage(jdbc, at).load(hosts);
            for (LocalDate date : probes) {
                Map<String, int[]> expected = sqlCoverage(jdbc, at, date);
                for (String host : hosts) {
                    assertThat(coverage.on(host, date))
                            .as("seed %d, host %s on %s as known at %s", seed, host, date, knownAt)
                            .isEqualTo(expected.get(host));
                    compared++;
                }
            }
        }
        assertThat(compared).isGreaterThan(500);
        assertThat(new HostCoverage(
                                jdbc,
                                new MapSqlParameterSource("knownAt", Bitemporal.timestamp(Bitemporal.LATEST_KNOWLEDGE)))
                        .on("no-such-host", d("2020-01-01")))
                .as("a host never loaded is read when asked; one with no certificate covers nothing")
                .isNull();
    }

    /** The compliance filter's SQL coverage of every host on {@code date}: absent when it covers nothing. */
    private static Map<String, int[]> sqlCoverage(
            NamedParameterJdbcTemplate jdbc, MapSqlParameterSource at, LocalDate date) {
        Map<String, int[]> coverage = new HashMap<>();
        jdbc.query(AsOf.coverage(":date"), new MapSqlParameterSource(at.getValues()).addValue("date", date), rs -> {
            int[] covered = new int[6];
            for (int a = 1; a <= 6; a++) {
                covered[a - 1] = rs.getInt("c" + a);
            }
            coverage.put(rs.getString("host_id"), covered);
        });
        return coverage;
    }

    private static List<Integer> activities(Random random) {
        List<Integer> activities = new ArrayList<>();
        for (int a = 1; a <= 6; a++) {
            if (random.nextBoolean()) {
                activities.add(a);
            }
        }
        return activities.isEmpty() ? List.of(1 + random.nextInt(6)) : activities;
    }
}
