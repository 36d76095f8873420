package org.hostledger.projections.hostingmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;
import static org.hostledger.projections.ProjectionHarness.d;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionEnded;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.LedgerEvent;
import org.hostledger.core.event.MigrationPlanned;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.query.DecisionStatus;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.ProjectionHarness;
import org.hostledger.projections.support.AsOf;
import org.hostledger.projections.support.CurrentCounts;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The hosting map's totals come from counts kept as decisions are written ({@link CurrentCounts}); they must equal a
 * COUNT over the decisions in effect, on every date, per status and in all, at every moment of a random history —
 * decisions recorded, planned for migration (in date order and out of it), ended, corrected to another date, fed one
 * by one and in batches of any size — after a replay, and after the migration that counted an existing table.
 */
class DecisionCountsTest {

    private static final int DECISIONS = 12;

    @Test
    void totalsEqualACountOfTheDecisionsInEffectThroughoutRandomHistories() {
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
            assertThat(harness.jdbc.queryForList(
                            "SELECT grp, SUM(delta) AS s FROM rm_decision_count GROUP BY grp HAVING SUM(delta) <> 0"))
                    .as("every row believed now adds as much as it takes away")
                    .isEmpty();
            assertThat(harness.jdbc.queryForObject(
                            "SELECT COUNT(DISTINCT stripe) FROM rm_decision_count", Integer.class))
                    .as("decisions spread over stripes")
                    .isGreaterThan(1);

            harness.resetAll();
            harness.feedInOneBatch(history.toArray(LedgerEvent[]::new));
            compareOn(harness, probes, "seed " + seed + " replayed in one batch");

            harness.checkBulkReplays(
                    history,
                    HostingMapProjection.NAME,
                    List.of("rm_decision_count"),
                    how -> compareOn(harness, probes, "seed " + fixedSeed + " " + how));
        }
    }

    /** V81 counts the version rows of an existing database: the same totals as counts kept from the start. */
    @Test
    void theMigrationCountsWhatIsAlreadyThere() {
        Random random = new Random(7);
        List<LedgerEvent> history = history(random);
        ProjectionHarness harness = new ProjectionHarness();
        history.forEach(harness::feed);
        harness.migrateAgain("81", "rm_decision_count");
        assertThat(harness.jdbc.queryForObject("SELECT COUNT(*) FROM rm_decision_count", Integer.class))
                .isGreaterThan(0);
        assertThat(compareOn(harness, ProjectionHarness.probes(history), "after V81"))
                .isGreaterThan(100);
    }

    /**
     * A page that is not full says the total without counting: every page of every size, past the last one too, with
     * and without filters, gives the COUNT's total and, walked to the end, exactly that many decisions.
     */
    @Test
    void everyPageOfEverySizeGivesTheTotal() {
        List<LedgerEvent> history = history(new Random(11));
        ProjectionHarness harness = new ProjectionHarness();
        harness.feedInOneBatch(history.toArray(LedgerEvent[]::new));
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(harness.jdbc);
        int checked = 0;
        for (LocalDate date : List.of(d("2020-06-01"), d("2023-01-01"))) {
            TimePoint at = TimePoint.asKnownNow(date);
            for (String host : java.util.Arrays.asList(null, "h1", "h2")) {
                MapSqlParameterSource params = AsOf.params(at).addValue("host", host);
                long expected = jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rm_decision_version d WHERE " + AsOf.version("d")
                                + " AND (CAST(:host AS VARCHAR) IS NULL OR d.host_id = :host)",
                        params,
                        Long.class);
                checked += ProjectionHarness.walkPages(expected, "host " + host + " on " + date, (page, size) -> {
                    var answer = harness.hostingMap.handle(
                            new ListDecisions(host, null, null, null, null, at, new PageRequest(page, size)));
                    return new long[] {answer.totalItems(), answer.items().size()};
                });
            }
        }
        assertThat(checked).isGreaterThan(100);
    }

    /** Compares the handler's totals with a COUNT on every probe date, in all and per status; answers how many. */
    private static int compareOn(ProjectionHarness harness, TreeSet<LocalDate> probes, String when) {
        NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(harness.jdbc);
        int compared = 0;
        List<DecisionStatus> statuses = new ArrayList<>(List.of(DecisionStatus.values()));
        statuses.add(null);
        for (LocalDate date : probes) {
            TimePoint at = TimePoint.asKnownNow(date);
            for (DecisionStatus status : statuses) {
                MapSqlParameterSource params = AsOf.params(at);
                String sql = "SELECT COUNT(*) FROM rm_decision_version d WHERE " + AsOf.version("d");
                if (status != null) {
                    sql += " AND d.status = :status";
                    params.addValue("status", status.name());
                }
                long expected = jdbc.queryForObject(sql, params, Long.class);
                long total = harness.hostingMap
                        .handle(new ListDecisions(null, null, status, null, null, at, new PageRequest(0, 1)))
                        .totalItems();
                assertThat(total)
                        .as("%s: decisions %s on %s", when, status == null ? "in all" : status, date)
                        .isEqualTo(expected);
                compared++;
            }
        }
        return compared;
    }

    static List<LedgerEvent> history(Random random) {
        List<LedgerEvent> events = new ArrayList<>();
        events.add(new HostRegistered("h1", "Host", "FR", null, null, d("2017-01-01"), SOURCES));
        events.add(new HostRegistered("h2", "Other", "IE", "Big Cloud", "US", d("2017-01-01"), SOURCES));
        Map<String, LocalDate> decided = new HashMap<>();
        List<String> live = new ArrayList<>();
        int next = 0;
        for (int step = 0; step < 60; step++) {
            if (live.isEmpty() || (next < DECISIONS && random.nextInt(3) == 0)) {
                String id = "dec-" + next++;
                LocalDate on = d("2019-01-01").plusDays(random.nextInt(1500));
                decided.put(id, on);
                live.add(id);
                events.add(recorded(id, on));
                continue;
            }
            String id = live.get(random.nextInt(live.size()));
            LocalDate on = decided.get(id).plusDays(random.nextInt(700) - 100);
            switch (random.nextInt(5)) {
                case 0 -> events.add(new MigrationPlanned(id, "h2", null, on.plusYears(1), on, "plan", SOURCES));
                case 1 -> {
                    events.add(new HostingDecisionEnded(id, on, "moved", null, SOURCES));
                    if (random.nextBoolean()) {
                        live.remove(id);
                    }
                }
                case 2 -> {
                    LocalDate corrected = decided.get(id).plusDays(random.nextInt(120) - 60);
                    decided.put(id, corrected);
                    events.add(new HostingDecisionCorrected(
                            id,
                            "Hospital",
                            "EHR",
                            random.nextBoolean() ? "h1" : "h2",
                            List.of(1, 2),
                            corrected,
                            ProcurementRoute.NO_TENDER,
                            null,
                            "best",
                            List.of(),
                            "date",
                            SOURCES));
                }
                default -> events.add(new HostingDecisionChallenged(id, "MP", on, "why", null, null, SOURCES));
            }
        }
        return events;
    }

    static HostingDecisionRecorded recorded(String id, LocalDate on) {
        return new HostingDecisionRecorded(
                id,
                "Hospital",
                "EHR",
                "h1",
                List.of(1, 2, 3),
                on,
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "best",
                List.of("x"),
                SOURCES);
    }
}
