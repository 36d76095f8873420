package org.hostledger.projections.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;
import static org.hostledger.projections.ProjectionHarness.d;

import java.time.Instant;
import java.util.List;
import org.hostledger.core.alert.AlertKeys;
import org.hostledger.core.alert.AlertKind;
import org.hostledger.core.event.AlertRecorded;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationReinstated;
import org.hostledger.core.event.CertificationRenewed;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.CertificationWithdrawn;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.RegisterEntryDelisted;
import org.hostledger.core.event.RegisterEntryListed;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.query.AlertCandidates;
import org.hostledger.core.query.AlertCandidates.CertificateCandidate;
import org.hostledger.core.query.AlertCandidates.DecisionCandidate;
import org.hostledger.core.query.ComplianceAlerts;
import org.hostledger.core.query.ComplianceStatus;
import org.hostledger.core.query.ListAlertCandidates;
import org.hostledger.core.query.ListComplianceAlerts;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.ProjectionHarness;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the alert job is shown: each condition once dated, and decisions only when their compliance changed. */
class AlertCandidatesTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    @BeforeEach
    void hostWithADecision() {
        harness.feed(new HostRegistered("h", "Host", "FR", null, null, d("2015-01-01"), SOURCES));
        harness.feed(new HostRegistered("idle", "Idle host", "FR", null, null, d("2015-01-01"), SOURCES));
        grant("c", "h", List.of(1, 2, 3, 4, 5, 6), "2024-01-01", "2027-03-01");
        grant("c-idle", "idle", List.of(1), "2024-01-01", "2027-01-15");
        harness.feed(new HostingDecisionRecorded(
                "d",
                "Hospital",
                "EHR",
                "h",
                List.of(1, 2, 3, 4, 5, 6),
                d("2024-06-01"),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "best offer",
                List.of(),
                SOURCES));
    }

    private void grant(String id, String host, List<Integer> activities, String from, String until) {
        harness.feed(
                new CertificationGranted(id, host, "HDS", "v1", "LNE", activities, null, d(from), d(until), SOURCES));
    }

    private AlertCandidates candidates(String asOf, int horizon) {
        return harness.alerts.handle(new ListAlertCandidates(d(asOf), horizon));
    }

    private void recorded(AlertKind kind, String record, String occurrence, List<String> decisions) {
        harness.feed(new AlertRecorded(
                AlertKeys.of(kind, record, occurrence),
                kind,
                record,
                "h",
                occurrence,
                decisions,
                null,
                List.of(),
                d("2026-12-01"),
                SOURCES));
    }

    @Test
    void aCertificateInUseEndingWithinTheHorizonIsDatedByItsEndOfValidity() {
        assertThat(candidates("2026-12-01", 89).certificates()).isEmpty();
        List<CertificateCandidate> within = candidates("2026-12-01", 90).certificates();
        // c-idle ends sooner, but its host serves no decision.
        assertThat(within)
                .containsExactly(new CertificateCandidate(
                        AlertKind.CERTIFICATE_EXPIRING, "c", "h", d("2027-03-01"), d("2027-03-01"), List.of("d")));
        harness.feed(new CertificationRenewed("c", d("2030-03-01"), null, d("2026-12-10"), SOURCES));
        assertThat(candidates("2026-12-11", 90).certificates()).isEmpty();
    }

    @Test
    void suspensionsWithdrawalsAndDelistingsOfCertificatesInUseAreDatedByTheirOwnDate() {
        harness.feed(new CertificationSuspended("c", d("2025-02-01"), "audit", SOURCES));
        assertThat(candidates("2025-03-01", 90).certificates())
                .extracting(CertificateCandidate::kind, CertificateCandidate::occurredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.CERTIFICATE_SUSPENDED, d("2025-02-01")));
        harness.feed(new CertificationReinstated("c", d("2025-04-01"), "audit passed", SOURCES));
        assertThat(candidates("2025-05-01", 90).certificates()).isEmpty();
        harness.feed(new CertificationSuspended("c", d("2025-06-01"), "second audit", SOURCES));
        assertThat(candidates("2025-07-01", 90).certificates())
                .extracting(CertificateCandidate::occurredOn)
                .containsExactly(d("2025-06-01"));
        harness.feed(new CertificationWithdrawn("c", d("2025-08-01"), "failed", SOURCES));
        assertThat(candidates("2025-09-01", 90).certificates())
                .extracting(CertificateCandidate::kind, CertificateCandidate::occurredOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(AlertKind.CERTIFICATE_WITHDRAWN, d("2025-08-01")));

        RegisterCitation may = new RegisterCitation("hds", Instant.parse("2025-05-01T00:00:00Z"), "a".repeat(64), null);
        RegisterCitation june =
                new RegisterCitation("hds", Instant.parse("2025-06-15T00:00:00Z"), "b".repeat(64), null);
        RegisterEntryFacts facts = new RegisterEntryFacts("Host", "Host", "certified", null, null, null, "h", "c");
        harness.feed(new RegisterEntryListed("hds:1", may, "1", facts, d("2025-05-01"), List.of(may.note())));
        harness.feed(new RegisterEntryDelisted(
                "hds:1", june, "1", may.publishedAt(), d("2025-06-15"), List.of(june.note())));
        assertThat(candidates("2025-07-01", 90).certificates())
                .extracting(CertificateCandidate::kind, CertificateCandidate::occurredOn)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(AlertKind.CERTIFICATE_SUSPENDED, d("2025-06-01")),
                        org.assertj.core.groups.Tuple.tuple(AlertKind.CERTIFICATE_DELISTED, d("2025-06-15")));
    }

    @Test
    void aDecisionIsACandidateWhenItsComplianceDiffersFromItsLatestAlert() {
        assertThat(candidates("2025-01-01", 90).decisions()).isEmpty();
        harness.feed(new CertificationSuspended("c", d("2025-02-01"), "audit", SOURCES));
        assertThat(candidates("2025-03-01", 90).decisions())
                .containsExactly(new DecisionCandidate(
                        "d", "h", ComplianceStatus.NOT_CERTIFIED, List.of(1, 2, 3, 4, 5, 6), null, 0));

        recorded(AlertKind.DECISION_NOT_CERTIFIED, "d", "1", List.of("d"));
        assertThat(candidates("2025-03-01", 90).decisions()).isEmpty();

        grant("c2", "h", List.of(1, 2), "2025-03-10", "2028-01-01");
        assertThat(candidates("2025-03-15", 90).decisions())
                .containsExactly(new DecisionCandidate(
                        "d", "h", ComplianceStatus.GAP, List.of(3, 4, 5, 6), AlertKind.DECISION_NOT_CERTIFIED, 1));
        recorded(AlertKind.DECISION_GAP, "d", "2", List.of("d"));

        harness.feed(new CertificationReinstated("c", d("2025-04-01"), "audit passed", SOURCES));
        assertThat(candidates("2025-04-02", 90).decisions())
                .containsExactly(new DecisionCandidate(
                        "d", "h", ComplianceStatus.COVERED, List.of(), AlertKind.DECISION_GAP, 2));
        recorded(AlertKind.DECISION_COVERED, "d", "3", List.of("d"));
        assertThat(candidates("2025-04-02", 90).decisions()).isEmpty();
    }

    @Test
    void recordedAlertsAreReadAsOfADateAsKnownAtAnInstantAndFiltered() {
        recorded(AlertKind.DECISION_GAP, "d", "1", List.of("d"));
        Instant before = harness.now();
        recorded(AlertKind.CERTIFICATE_EXPIRING, "c", "2027-03-01", List.of("d"));
        ComplianceAlerts all =
                harness.compliance.handle(new ListComplianceAlerts(TimePoint.asKnownNow(d("2026-12-01"))));
        assertThat(all.items())
                .extracting(ComplianceAlerts.RecordedAlert::alertId)
                .containsExactly("alert:certificate-expiring:c:2027-03-01", "alert:decision-gap:d:1");
        assertThat(all.totalItems()).isEqualTo(2);
        assertThat(harness.compliance
                        .handle(new ListComplianceAlerts(new TimePoint(d("2026-12-01"), before)))
                        .items())
                .extracting(ComplianceAlerts.RecordedAlert::kind)
                .containsExactly(AlertKind.DECISION_GAP);
        assertThat(harness.compliance
                        .handle(new ListComplianceAlerts(TimePoint.asKnownNow(d("2026-11-30"))))
                        .items())
                .isEmpty();
        ComplianceAlerts expiring = harness.compliance.handle(new ListComplianceAlerts(
                TimePoint.asKnownNow(d("2026-12-01")), 90, new PageRequest(0, 1), "CERTIFICATE_EXPIRING", "h", "c"));
        assertThat(expiring.items()).hasSize(1);
        assertThat(expiring.items().get(0).decisions()).containsExactly("d");
        assertThat(harness.compliance
                        .handle(new ListComplianceAlerts(
                                TimePoint.asKnownNow(d("2026-12-01")), 90, new PageRequest(0, 1), null, null, "d"))
                        .items())
                .extracting(ComplianceAlerts.RecordedAlert::kind)
                .containsExactly(AlertKind.DECISION_GAP);
    }
}
