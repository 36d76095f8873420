package org.hostledger.projections.hostingmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;
import static org.hostledger.projections.ProjectionHarness.d;

import java.time.Instant;
import java.util.List;
import org.hostledger.core.event.HostOwnershipChanged;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionEnded;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.MigrationPlanned;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.query.Correction;
import org.hostledger.core.query.DecisionPage;
import org.hostledger.core.query.DecisionStatus;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.GetSovereigntyStats;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.SovereigntyStats;
import org.hostledger.projections.ProjectionHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostingMapProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    private final HostingDecisionRecorded hdh = new HostingDecisionRecorded(
            "hdh",
            "Health Data Hub",
            "Platform",
            "ms",
            List.of(1, 2, 3, 4, 5, 6),
            d("2019-12-01"),
            ProcurementRoute.CENTRAL_PURCHASING,
            "Groupe Open",
            "timetable",
            List.of("OVH"),
            SOURCES);

    @BeforeEach
    void hosts() {
        harness.feedAll(
                new HostRegistered("ms", "Microsoft", "IE", "Microsoft Corporation", "US", d("2018-01-01"), SOURCES),
                new HostRegistered("ovh", "OVH", "FR", null, null, d("2018-01-01"), SOURCES));
    }

    private DecisionView decision(String asOf) {
        return harness.hostingMap.handle(new FindDecision("hdh", harness.asOf(asOf)));
    }

    /** The first decision of the map's first page on {@code asOf}: how a decision shows in a list. */
    private DecisionView firstOnTheMap(String asOf) {
        return harness.hostingMap
                .handle(new ListDecisions(null, null, null, null, null, harness.asOf(asOf), new PageRequest(0, 10)))
                .items()
                .get(0);
    }

    @Test
    void aDecisionIsOnTheMapFromItsDateWithItsHostAndExposure() {
        harness.feed(hdh);
        assertThat(decision("2019-11-30")).isNull();
        DecisionView view = decision("2019-12-01");
        assertThat(view.status()).isEqualTo(DecisionStatus.ACTIVE);
        assertThat(view.host().name()).isEqualTo("Microsoft");
        assertThat(view.host().parentCountry()).isEqualTo("US");
        assertThat(view.exposure()).isEqualTo(Exposure.NON_EU);
        assertThat(view.procurement()).isEqualTo(ProcurementRoute.CENTRAL_PURCHASING);
        assertThat(view.contractor()).isEqualTo("Groupe Open");
        assertThat(view.alternatives()).containsExactly("OVH");
        assertThat(view.sources()).isEqualTo(SOURCES);
    }

    @Test
    void challengesShowFromTheirDateInDateOrderAndDoNotChangeTheStatus() {
        harness.feed(hdh);
        harness.feed(new HostingDecisionChallenged(
                "hdh", "CE", d("2020-10-13"), "US access", "Conseil d'État", "refused", SOURCES));
        harness.feed(new HostingDecisionChallenged("hdh", "Senator", d("2020-05-27"), "GAFAM", "Sénat", null, SOURCES));
        assertThat(decision("2020-06-01").challenges())
                .extracting(DecisionView.Challenge::by)
                .containsExactly("Senator");
        assertThat(decision("2021-01-01").challenges())
                .extracting(DecisionView.Challenge::by)
                .containsExactly("Senator", "CE");
        assertThat(decision("2021-01-01").status()).isEqualTo(DecisionStatus.ACTIVE);
        assertThat(decision("2021-01-01").version()).isEqualTo(2);
    }

    @Test
    void listsShowTheLatestFewFollowUpsAndHowManyThereAre() {
        harness.feed(hdh);
        for (int day = 1; day <= 12; day++) {
            harness.feed(new HostingDecisionChallenged(
                    "hdh", "MP " + day, d("2020-01-01").plusDays(day), "why", null, null, SOURCES));
        }
        DecisionView inList = firstOnTheMap("2021-01-01");
        assertThat(inList.challengeCount()).isEqualTo(12);
        assertThat(inList.challenges())
                .extracting(DecisionView.Challenge::by)
                .containsExactly("MP 8", "MP 9", "MP 10", "MP 11", "MP 12");
        DecisionView alone = decision("2021-01-01");
        assertThat(alone.challenges()).hasSize(12);
        assertThat(decision("2020-01-05").challengeCount())
                .as("counted as of the date asked")
                .isEqualTo(4);
    }

    @Test
    void eachKindOfFollowUpIsCutAndCountedOnItsOwnAndShownInDateThenRecordOrder() {
        harness.feed(hdh);
        for (int n = 1; n <= 7; n++) {
            // Two challenges a day: the same date keeps the order they were recorded in.
            harness.feed(new HostingDecisionChallenged(
                    "hdh", "MP " + n, d("2020-03-01").plusDays(n / 2), "why", null, null, SOURCES));
        }
        for (int n = 1; n <= 6; n++) {
            harness.feed(new MigrationPlanned(
                    "hdh", "host-" + n, null, d("2024-01-01"), d("2020-01-01").plusMonths(n), "plan " + n, SOURCES));
        }
        DecisionView inList = firstOnTheMap("2021-01-01");
        assertThat(inList.challengeCount()).isEqualTo(7);
        assertThat(inList.challenges())
                .extracting(DecisionView.Challenge::by)
                .containsExactly("MP 3", "MP 4", "MP 5", "MP 6", "MP 7");
        assertThat(inList.migrationPlanCount()).isEqualTo(6);
        assertThat(inList.migrationPlans())
                .extracting(DecisionView.MigrationPlan::targetHostId)
                .containsExactly("host-2", "host-3", "host-4", "host-5", "host-6");
        DecisionView before = decision("2020-03-02");
        assertThat(before.challengeCount()).as("as of 2020-03-02").isEqualTo(3);
        assertThat(before.challenges()).extracting(DecisionView.Challenge::by).containsExactly("MP 1", "MP 2", "MP 3");
        assertThat(before.migrationPlanCount())
                .as("plans of February and March")
                .isEqualTo(2);
    }

    @Test
    void aMigrationPlanMakesItMigratingAndAnEndingEndsIt() {
        harness.feed(hdh);
        harness.feed(
                new MigrationPlanned("hdh", "ovh", null, d("2022-06-01"), d("2020-11-19"), "sovereignty", SOURCES));
        harness.feed(new HostingDecisionEnded("hdh", d("2026-12-31"), "migrated", null, SOURCES));
        assertThat(decision("2020-11-18").status()).isEqualTo(DecisionStatus.ACTIVE);
        assertThat(decision("2020-11-19").status()).isEqualTo(DecisionStatus.MIGRATING);
        assertThat(decision("2020-11-19").migrationPlans())
                .singleElement()
                .satisfies(plan -> assertThat(plan.targetHostId()).isEqualTo("ovh"));
        DecisionView ended = decision("2026-12-31");
        assertThat(ended.status()).isEqualTo(DecisionStatus.ENDED);
        assertThat(ended.ending().reason()).isEqualTo("migrated");
        assertThat(decision("2026-12-30").ending()).isNull();
    }

    @Test
    void aMigrationPlanEnteredLateStillStartsOnItsOwnDate() {
        harness.feed(hdh);
        harness.feed(new MigrationPlanned(
                "hdh", null, "sovereign provider", d("2026-12-31"), d("2026-02-09"), "circular", SOURCES));
        harness.feed(new MigrationPlanned(
                "hdh", null, "French or European", d("2022-05-31"), d("2020-11-19"), "minister", SOURCES));
        assertThat(decision("2021-01-01").status()).isEqualTo(DecisionStatus.MIGRATING);
        assertThat(decision("2020-11-18").status()).isEqualTo(DecisionStatus.ACTIVE);
        assertThat(decision("2026-03-01").migrationPlans()).hasSize(2);
    }

    @Test
    void theHostsOwnershipChangeChangesTheDecisionsExposureFromItsDate() {
        harness.feed(new HostingDecisionRecorded(
                "d2",
                "Hospital",
                "EHR",
                "ovh",
                List.of(1),
                d("2019-01-01"),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "best",
                List.of(),
                SOURCES));
        harness.feed(new HostOwnershipChanged("ovh", "Far Corp", "CN", d("2022-01-01"), "sold", SOURCES));
        assertThat(harness.hostingMap
                        .handle(new FindDecision("d2", harness.asOf("2021-12-31")))
                        .exposure())
                .isEqualTo(Exposure.EU);
        assertThat(harness.hostingMap
                        .handle(new FindDecision("d2", harness.asOf("2022-01-01")))
                        .exposure())
                .isEqualTo(Exposure.NON_EU);
    }

    @Test
    void aCorrectionIsShownAfterItWasRecordedAndTheOriginalBefore() {
        harness.feed(hdh);
        Instant original = harness.now();
        harness.feed(noTenderCorrection("no tender at all"));
        assertThat(decision("2019-11-20").procurement()).isEqualTo(ProcurementRoute.NO_TENDER);
        assertThat(decision("2019-11-20").corrections()).singleElement().satisfies(c -> assertThat(c.reason())
                .isEqualTo("no tender at all"));
        DecisionView before = harness.hostingMap.handle(new FindDecision("hdh", harness.at("2020-01-01", original)));
        assertThat(before.procurement()).isEqualTo(ProcurementRoute.CENTRAL_PURCHASING);
        assertThat(before.corrections()).isEmpty();
        assertThat(harness.hostingMap.handle(new FindDecision("hdh", harness.at("2019-11-20", original))))
                .isNull();
        harness.feed(noTenderCorrection("and the contractor"));
        assertThat(decision("2019-11-20").corrections())
                .as("in the order recorded")
                .extracting(Correction::reason)
                .containsExactly("no tender at all", "and the contractor");
    }

    /** The decision corrected: no tender, a contractor named; {@code reason} tells the corrections apart. */
    private static HostingDecisionCorrected noTenderCorrection(String reason) {
        return new HostingDecisionCorrected(
                "hdh",
                "Health Data Hub",
                "Platform",
                "ms",
                List.of(1, 2, 3, 4, 5, 6),
                d("2019-11-15"),
                ProcurementRoute.NO_TENDER,
                "Groupe Open",
                "timetable",
                List.of("OVH"),
                reason,
                SOURCES);
    }

    @Test
    void theMapFiltersByStatusAndExposure() {
        harness.feed(hdh);
        harness.feed(new HostingDecisionRecorded(
                "d2",
                "Hospital",
                "EHR",
                "ovh",
                List.of(1),
                d("2019-01-01"),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "best",
                List.of(),
                SOURCES));
        DecisionPage nonEu = harness.hostingMap.handle(new ListDecisions(
                null, null, null, null, Exposure.NON_EU, harness.asOf("2020-01-01"), new PageRequest(0, 10)));
        assertThat(nonEu.items()).extracting(DecisionView::id).containsExactly("hdh");
        DecisionPage byController = harness.hostingMap.handle(new ListDecisions(
                null,
                "Hospital",
                DecisionStatus.ACTIVE,
                null,
                null,
                harness.asOf("2020-01-01"),
                new PageRequest(0, 10)));
        assertThat(byController.items()).extracting(DecisionView::id).containsExactly("d2");
    }

    @Test
    void sovereigntyCountsDecisionsInForceByControllerAndActivity() {
        harness.feed(hdh);
        harness.feed(new HostingDecisionRecorded(
                "d2",
                "Health Data Hub",
                "Backup",
                "ovh",
                List.of(6),
                d("2019-01-01"),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "best",
                List.of(),
                SOURCES));
        SovereigntyStats stats = harness.sovereignty.handle(new GetSovereigntyStats(harness.asOf("2020-01-01")));
        assertThat(stats.total().decisions()).isEqualTo(2);
        assertThat(stats.total().nonEu()).isEqualTo(1);
        assertThat(stats.total().nonEuShare()).isEqualTo(0.5);
        assertThat(stats.byController())
                .singleElement()
                .satisfies(c -> assertThat(c.count().nonEu()).isEqualTo(1));
        assertThat(stats.byActivity().get(5).count().eu()).isEqualTo(1);
        assertThat(stats.byActivity().get(5).count().nonEu()).isEqualTo(1);
        assertThat(stats.byActivity().get(0).count().eu()).isZero();
        harness.feed(new HostingDecisionEnded("hdh", d("2025-01-01"), "moved", null, SOURCES));
        assertThat(harness.sovereignty
                        .handle(new GetSovereigntyStats(harness.asOf("2025-01-01")))
                        .total()
                        .nonEu())
                .isZero();
    }
}
