package org.hostledger.projections.compliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;
import static org.hostledger.projections.ProjectionHarness.d;

import java.util.List;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationScopeChanged;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.CertificationWithdrawn;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.query.ComplianceAlerts;
import org.hostledger.core.query.ComplianceStatus;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.ListComplianceAlerts;
import org.hostledger.projections.ProjectionHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** DESIGN.md's compliance rules, each on its own history. */
class ComplianceRulesTest {

    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6);

    private final ProjectionHarness harness = new ProjectionHarness();

    @BeforeEach
    void host() {
        harness.feed(new HostRegistered("h", "Host", "FR", null, null, d("2015-01-01"), SOURCES));
    }

    private void grant(String id, List<Integer> activities, String from, String until) {
        harness.feed(
                new CertificationGranted(id, "h", "HDS", "v1", "LNE", activities, null, d(from), d(until), SOURCES));
    }

    private void decide(List<Integer> activities, String on) {
        harness.feed(new HostingDecisionRecorded(
                "d",
                "Hospital",
                "EHR",
                "h",
                activities,
                d(on),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "best offer",
                List.of(),
                SOURCES));
    }

    private DecisionView.Compliance compliance(String asOf) {
        return harness.hostingMap
                .handle(new FindDecision("d", harness.asOf(asOf)))
                .compliance();
    }

    @Test
    void everyActivityCoveredByValidCertificatesIsCovered() {
        grant("c1", List.of(1, 2), "2018-01-01", "2021-01-01");
        grant("c2", List.of(3, 4, 5, 6), "2018-01-01", "2021-01-01");
        decide(ALL, "2019-01-01");
        DecisionView.Compliance c = compliance("2019-06-01");
        assertThat(c.atDecision()).isEqualTo(ComplianceStatus.COVERED);
        assertThat(c.asOf()).isEqualTo(ComplianceStatus.COVERED);
        assertThat(c.uncoveredActivities()).isEmpty();
        assertThat(c.activities()).allMatch(a -> a.atDecision() && a.asOf());
    }

    @Test
    void aSuspendedCertificateLeavesAGap() {
        grant("c1", List.of(1, 2), "2018-01-01", "2021-01-01");
        grant("c2", List.of(3, 4, 5, 6), "2018-01-01", "2021-01-01");
        decide(ALL, "2019-01-01");
        harness.feed(new CertificationSuspended("c2", d("2019-06-01"), "audit", SOURCES));
        DecisionView.Compliance c = compliance("2019-07-01");
        assertThat(c.atDecision()).isEqualTo(ComplianceStatus.COVERED);
        assertThat(c.asOf()).isEqualTo(ComplianceStatus.GAP);
        assertThat(c.uncoveredActivities()).containsExactly(3, 4, 5, 6);
        assertThat(compliance("2019-05-31").asOf()).isEqualTo(ComplianceStatus.COVERED);
    }

    @Test
    void whenEveryCertificateIsSuspendedTheHostIsNotCertified() {
        grant("c1", ALL, "2018-01-01", "2021-01-01");
        decide(ALL, "2019-01-01");
        harness.feed(new CertificationSuspended("c1", d("2019-06-01"), "audit", SOURCES));
        assertThat(compliance("2019-07-01").asOf()).isEqualTo(ComplianceStatus.NOT_CERTIFIED);
        assertThat(compliance("2019-07-01").uncoveredActivities()).isEqualTo(ALL);
    }

    @Test
    void anExpiredCertificateLeavesAGap() {
        grant("c1", List.of(1, 2), "2018-01-01", "2021-01-01");
        grant("c2", List.of(3, 4, 5, 6), "2018-01-01", "2020-01-01");
        decide(ALL, "2019-01-01");
        DecisionView.Compliance c = compliance("2020-01-02");
        assertThat(c.asOf()).isEqualTo(ComplianceStatus.GAP);
        assertThat(c.uncoveredActivities()).containsExactly(3, 4, 5, 6);
        assertThat(compliance("2020-01-01").asOf()).isEqualTo(ComplianceStatus.COVERED);
    }

    @Test
    void aCertificateGrantedAfterTheDecisionLeavesItNotCertifiedAtTheDecisionButCoveredLater() {
        decide(ALL, "2019-01-01");
        grant("c1", ALL, "2019-06-01", "2022-06-01");
        DecisionView.Compliance c = compliance("2020-01-01");
        assertThat(c.atDecision()).isEqualTo(ComplianceStatus.NOT_CERTIFIED);
        assertThat(c.uncoveredAtDecision()).isEqualTo(ALL);
        assertThat(c.asOf()).isEqualTo(ComplianceStatus.COVERED);
    }

    @Test
    void aCertificateGrantedAfterTheDecisionLeavesAGapAtTheDecisionWhenAnotherCoveredPart() {
        grant("c1", List.of(1, 2), "2018-01-01", "2021-01-01");
        decide(ALL, "2019-01-01");
        grant("c2", List.of(3, 4, 5, 6), "2019-06-01", "2022-06-01");
        DecisionView.Compliance c = compliance("2020-01-01");
        assertThat(c.atDecision()).isEqualTo(ComplianceStatus.GAP);
        assertThat(c.uncoveredAtDecision()).containsExactly(3, 4, 5, 6);
        assertThat(c.asOf()).isEqualTo(ComplianceStatus.COVERED);
    }

    @Test
    void aHostWithoutAnyValidCertificateOnTheDateIsNotCertified() {
        decide(List.of(1), "2019-01-01");
        assertThat(compliance("2019-01-01").asOf()).isEqualTo(ComplianceStatus.NOT_CERTIFIED);
        grant("c1", ALL, "2018-01-01", "2021-01-01");
        harness.feed(new CertificationWithdrawn("c1", d("2020-01-01"), "gone", SOURCES));
        assertThat(compliance("2019-12-31").asOf()).isEqualTo(ComplianceStatus.COVERED);
        assertThat(compliance("2020-01-01").asOf()).isEqualTo(ComplianceStatus.NOT_CERTIFIED);
    }

    @Test
    void aPartialScopeLeavesExactlyTheMissingActivitiesUncovered() {
        grant("c1", List.of(1, 2, 3, 6), "2018-01-01", "2021-01-01");
        decide(List.of(1, 3, 4, 5), "2019-01-01");
        DecisionView.Compliance c = compliance("2019-06-01");
        assertThat(c.asOf()).isEqualTo(ComplianceStatus.GAP);
        assertThat(c.uncoveredActivities()).containsExactly(4, 5);
        assertThat(c.activities())
                .extracting(DecisionView.ActivityCoverage::activity)
                .containsExactly(1, 3, 4, 5);
    }

    @Test
    void aNarrowedScopeOpensAGapFromItsDate() {
        grant("c1", ALL, "2018-01-01", "2021-01-01");
        decide(ALL, "2019-01-01");
        harness.feed(new CertificationScopeChanged("c1", List.of(1, 2, 3, 4), d("2020-01-01"), "narrowed", SOURCES));
        assertThat(compliance("2019-12-31").asOf()).isEqualTo(ComplianceStatus.COVERED);
        assertThat(compliance("2020-01-01").uncoveredActivities()).containsExactly(5, 6);
    }

    @Test
    void otherSchemesDoNotCoverHdsActivities() {
        harness.feed(new CertificationGranted(
                "snc", "h", "SECNUMCLOUD", "3.2", "ANSSI", List.of(), null, d("2018-01-01"), d("2021-01-01"), SOURCES));
        decide(List.of(1), "2019-01-01");
        assertThat(compliance("2019-06-01").asOf()).isEqualTo(ComplianceStatus.NOT_CERTIFIED);
    }

    @Test
    void alertsListGapsInForceAndCertificatesInUseExpiringWithinNinetyDays() {
        grant("c1", List.of(1, 2), "2018-01-01", "2021-01-01");
        decide(ALL, "2019-01-01");
        ComplianceAlerts alerts = harness.compliance.handle(new ListComplianceAlerts(harness.asOf("2020-11-01")));
        assertThat(alerts.gaps()).singleElement().satisfies(gap -> {
            assertThat(gap.decisionId()).isEqualTo("d");
            assertThat(gap.uncoveredActivities()).containsExactly(3, 4, 5, 6);
            assertThat(gap.compliance()).isEqualTo(ComplianceStatus.GAP);
        });
        assertThat(alerts.expiring()).singleElement().satisfies(expiry -> {
            assertThat(expiry.certificationId()).isEqualTo("c1");
            assertThat(expiry.daysLeft()).isEqualTo(61);
            assertThat(expiry.decisions()).containsExactly("d");
        });
        assertThat(harness.compliance
                        .handle(new ListComplianceAlerts(harness.asOf("2020-10-01")))
                        .expiring())
                .isEmpty();
    }
}
