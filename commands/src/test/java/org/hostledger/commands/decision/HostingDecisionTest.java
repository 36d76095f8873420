package org.hostledger.commands.decision;

import static org.hostledger.commands.TestRecords.SOURCES;
import static org.hostledger.commands.TestRecords.d;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hostledger.commands.TestRecords;
import org.hostledger.core.command.ChallengeHostingDecision;
import org.hostledger.core.command.CorrectHostingDecision;
import org.hostledger.core.command.EndHostingDecision;
import org.hostledger.core.command.PlanMigration;
import org.hostledger.core.command.RecordHostingDecision;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionEnded;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.MigrationPlanned;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.rule.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostingDecisionTest {

    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6);

    private AggregateTestFixture<HostingDecision> fixture;

    private final HostingDecisionRecorded recorded = new HostingDecisionRecorded(
            "hdh",
            "Health Data Hub",
            "Main platform",
            "microsoft",
            ALL,
            d("2019-11-30"),
            ProcurementRoute.CENTRAL_PURCHASING,
            "Groupe Open",
            "Only offer meeting the timetable",
            List.of("OVH"),
            SOURCES);
    private final HostingDecisionEnded ended =
            new HostingDecisionEnded("hdh", d("2026-12-31"), "migrated", null, SOURCES);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(HostingDecision.class);
        fixture.registerInjectableResource(new TestRecords()
                .with("microsoft", RecordKind.HOST)
                .with("ovh", RecordKind.HOST)
                .with("ovh-hds", RecordKind.CERTIFICATION)
                .with("hdh-2", RecordKind.DECISION)
                .withOffering("azure-health", "microsoft")
                .withOffering("ovh-database", "ovh")
                .withOffering("unlinked-offering", null));
    }

    private RecordHostingDecision recordOn(String hostId, String offeringId) {
        RecordHostingDecision r = record(hostId, ALL);
        return new RecordHostingDecision(
                r.decisionId(),
                r.controller(),
                r.system(),
                r.hostId(),
                r.activities(),
                r.decidedOn(),
                r.procurement(),
                r.contractor(),
                r.rationale(),
                r.alternatives(),
                r.sources(),
                offeringId);
    }

    private static CorrectHostingDecision correctHostAndOffering(String hostId, String offeringId) {
        return new CorrectHostingDecision(
                "hdh", null, null, hostId, null, null, null, null, null, null, "wrong host", SOURCES, offeringId, null);
    }

    private HostingDecisionRecorded recordedOn(String offeringId) {
        return new HostingDecisionRecorded(
                recorded.decisionId(),
                recorded.controller(),
                recorded.system(),
                recorded.hostId(),
                recorded.activities(),
                recorded.decidedOn(),
                recorded.procurement(),
                recorded.contractor(),
                recorded.rationale(),
                recorded.alternatives(),
                recorded.sources(),
                offeringId);
    }

    private HostingDecisionCorrected correctedTo(String hostId, String offeringId) {
        return new HostingDecisionCorrected(
                "hdh",
                recorded.controller(),
                recorded.system(),
                hostId,
                recorded.activities(),
                recorded.decidedOn(),
                recorded.procurement(),
                recorded.contractor(),
                recorded.rationale(),
                recorded.alternatives(),
                "wrong host",
                SOURCES,
                offeringId);
    }

    @Test
    void recordsADecisionOnAnOfferingOfItsHost() {
        fixture.givenNoPriorActivity()
                .when(recordOn("microsoft", "azure-health"))
                .expectEvents(recordedOn("azure-health"));
    }

    @Test
    void aDecisionCannotRelyOnAnotherHostsOffering() {
        fixture.givenNoPriorActivity()
                .when(recordOn("microsoft", "ovh-database"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("offering 'ovh-database' is published by host 'ovh', not by the decision's"
                        + " host 'microsoft'");
    }

    @Test
    void aDecisionCannotRelyOnAnOfferingOfNoLedgerHost() {
        fixture.givenNoPriorActivity()
                .when(recordOn("microsoft", "unlinked-offering"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("offering 'unlinked-offering' is published by no host of the ledger, not by"
                        + " the decision's host 'microsoft'");
    }

    @Test
    void aDecisionCannotRelyOnAnUnknownOffering() {
        fixture.givenNoPriorActivity()
                .when(recordOn("microsoft", "nothing-here"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no offering with id 'nothing-here' is recorded");
    }

    @Test
    void aCorrectionCannotMoveADecisionToAnotherHostAndKeepTheOldHostsOffering() {
        fixture.given(recordedOn("azure-health"))
                .when(correctHostAndOffering("ovh", null))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("offering 'azure-health' is published by host 'microsoft', not by the"
                        + " decision's host 'ovh'");
    }

    @Test
    void aCorrectionMovesADecisionToAnotherHostWithThatHostsOffering() {
        fixture.given(recordedOn("azure-health"))
                .when(correctHostAndOffering("ovh", "ovh-database"))
                .expectEvents(correctedTo("ovh", "ovh-database"));
    }

    @Test
    void aCorrectionCannotNameAnotherHostsOffering() {
        fixture.given(recorded)
                .when(correctHostAndOffering(null, "ovh-database"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("offering 'ovh-database' is published by host 'ovh', not by the decision's"
                        + " host 'microsoft'");
    }

    @Test
    void aCorrectionCannotNameAnUnknownOffering() {
        fixture.given(recordedOn("azure-health"))
                .when(correctHostAndOffering(null, "nothing-here"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no offering with id 'nothing-here' is recorded");
    }

    @Test
    void aCorrectionGivesADecisionAnOfferingOfItsHost() {
        fixture.given(recorded)
                .when(correctHostAndOffering(null, "azure-health"))
                .expectEvents(correctedTo("microsoft", "azure-health"));
    }

    /** Revision 1 corrections (no offering field) keep the recorded offering, so the old host's check still holds. */
    @Test
    void aCorrectionWithoutOfferingKeepsTheRecordedOne() {
        fixture.given(recordedOn("azure-health"), correctedTo("microsoft", null))
                .when(correctHostAndOffering("ovh", null))
                .expectNoEvents()
                .expectException(RuleViolation.class);
    }

    @Test
    void namingTheOfferingItAlreadyHasChangesNothing() {
        fixture.given(recordedOn("azure-health"))
                .when(correctHostAndOffering("microsoft", "azure-health"))
                .expectNoEvents()
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the correction changes nothing");
    }

    private RecordHostingDecision record(String hostId, List<Integer> activities) {
        return new RecordHostingDecision(
                "hdh",
                "Health Data Hub",
                "Main platform",
                hostId,
                activities,
                d("2019-11-30"),
                ProcurementRoute.CENTRAL_PURCHASING,
                "Groupe Open",
                "Only offer meeting the timetable",
                List.of("OVH", " "),
                SOURCES);
    }

    @Test
    void recordsADecisionOnARegisteredHost() {
        fixture.givenNoPriorActivity().when(record("microsoft", ALL)).expectEvents(recorded);
    }

    @Test
    void aDecisionsHostMustBeRegistered() {
        fixture.givenNoPriorActivity()
                .when(record("azure", ALL))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no host with id 'azure' is registered");
    }

    @Test
    void aDecisionsHostMustBeAHostNotAnotherKindOfRecord() {
        fixture.givenNoPriorActivity()
                .when(record("ovh-hds", ALL))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionCoversAtLeastOneHdsActivity() {
        fixture.givenNoPriorActivity()
                .when(record("microsoft", List.of()))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("at least one activity is required");
        fixture.givenNoPriorActivity()
                .when(record("microsoft", List.of(7)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionNeedsAProcurementRoute() {
        fixture.givenNoPriorActivity()
                .when(new RecordHostingDecision(
                        "hdh", "HDH", "Main", "microsoft", ALL, d("2019-11-30"), null, null, "why", null, SOURCES))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("procurement is required");
    }

    @Test
    void aDecisionNeedsARationale() {
        fixture.givenNoPriorActivity()
                .when(new RecordHostingDecision(
                        "hdh",
                        "HDH",
                        "Main",
                        "microsoft",
                        ALL,
                        d("2019-11-30"),
                        ProcurementRoute.UNKNOWN,
                        null,
                        "",
                        null,
                        SOURCES))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("rationale is required");
    }

    @Test
    void recordsAChallenge() {
        fixture.given(recorded)
                .when(new ChallengeHostingDecision(
                        "hdh",
                        "Catherine Morin-Desailly",
                        d("2020-05-27"),
                        "US provider",
                        "Sénat",
                        null,
                        SOURCES,
                        null))
                .expectEvents(new HostingDecisionChallenged(
                        "hdh", "Catherine Morin-Desailly", d("2020-05-27"), "US provider", "Sénat", null, SOURCES));
    }

    @Test
    void aChallengeCannotPredateTheDecision() {
        fixture.given(recorded)
                .when(new ChallengeHostingDecision("hdh", "X", d("2019-01-01"), "early", null, null, SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void noChallengeOnAnEndedDecision() {
        fixture.given(recorded, ended)
                .when(new ChallengeHostingDecision("hdh", "X", d("2027-01-15"), "late", null, null, SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the decision ended on 2026-12-31; a challenge cannot be dated after its end");
    }

    @Test
    void aChallengeFromBeforeTheEndCanStillBeEnteredLate() {
        fixture.given(recorded, ended)
                .when(new ChallengeHostingDecision(
                        "hdh", "X", d("2020-10-13"), "ruling", "Conseil d'État", "rejected", SOURCES, null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void plansAMigrationToAnotherHost() {
        fixture.given(recorded)
                .when(new PlanMigration(
                        "hdh", "ovh", null, d("2022-06-01"), d("2020-11-19"), "sovereignty", SOURCES, null))
                .expectEvents(new MigrationPlanned(
                        "hdh", "ovh", null, d("2022-06-01"), d("2020-11-19"), "sovereignty", SOURCES));
    }

    @Test
    void plansAMigrationToATargetOnlyDescribed() {
        fixture.given(recorded)
                .when(new PlanMigration(
                        "hdh",
                        null,
                        "SecNumCloud provider via UGAP",
                        d("2026-12-31"),
                        d("2026-02-09"),
                        "circular",
                        SOURCES,
                        null))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aMigrationTargetHostMustBeRegisteredAndAnother() {
        fixture.given(recorded)
                .when(new PlanMigration("hdh", "nobody", null, d("2022-06-01"), d("2020-11-19"), "x", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no host with id 'nobody' is registered");
        fixture.given(recorded)
                .when(new PlanMigration("hdh", "microsoft", null, d("2022-06-01"), d("2020-11-19"), "x", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a migration goes to another host than the current one");
    }

    @Test
    void aMigrationTargetDateCannotPrecedeThePlan() {
        fixture.given(recorded)
                .when(new PlanMigration("hdh", null, null, d("2020-01-01"), d("2020-11-19"), "x", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void noMigrationPlanAfterTheEnd() {
        fixture.given(recorded, ended)
                .when(new PlanMigration("hdh", null, null, d("2028-01-01"), d("2027-01-01"), "x", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void endsADecisionSupersededByAnother() {
        fixture.given(recorded)
                .when(new EndHostingDecision("hdh", d("2026-12-31"), "migrated", "hdh-2", SOURCES, null))
                .expectEvents(new HostingDecisionEnded("hdh", d("2026-12-31"), "migrated", "hdh-2", SOURCES));
    }

    @Test
    void cannotEndTwice() {
        fixture.given(recorded, ended)
                .when(new EndHostingDecision("hdh", d("2027-01-01"), "again", null, SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the decision already ended on 2026-12-31");
    }

    @Test
    void cannotEndBeforeTheLatestChallenge() {
        fixture.given(recorded, new HostingDecisionChallenged("hdh", "X", d("2021-01-01"), "y", null, null, SOURCES))
                .when(new EndHostingDecision("hdh", d("2020-12-31"), "early", null, SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void supersedingDecisionMustExistAndBeAnother() {
        fixture.given(recorded)
                .when(new EndHostingDecision("hdh", d("2026-12-31"), "x", "nope", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no decision with id 'nope' is recorded");
        fixture.given(recorded)
                .when(new EndHostingDecision("hdh", d("2026-12-31"), "x", "hdh", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a decision cannot supersede itself");
    }

    @Test
    void correctsTheDecisionKeepingWhatIsNotNamed() {
        fixture.given(recorded)
                .when(new CorrectHostingDecision(
                        "hdh",
                        null,
                        null,
                        null,
                        null,
                        d("2019-12-01"),
                        ProcurementRoute.NO_TENDER,
                        "",
                        null,
                        null,
                        "made public in December",
                        SOURCES,
                        null))
                .expectEvents(new HostingDecisionCorrected(
                        "hdh",
                        "Health Data Hub",
                        "Main platform",
                        "microsoft",
                        ALL,
                        d("2019-12-01"),
                        ProcurementRoute.NO_TENDER,
                        null,
                        "Only offer meeting the timetable",
                        List.of("OVH"),
                        "made public in December",
                        SOURCES));
    }

    @Test
    void aCorrectionCannotMoveTheDecisionAfterItsFirstChallenge() {
        fixture.given(recorded, new HostingDecisionChallenged("hdh", "X", d("2020-05-27"), "y", null, null, SOURCES))
                .when(new CorrectHostingDecision(
                        "hdh", null, null, null, null, d("2020-06-01"), null, null, null, null, "date", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionCannotMoveToAnUnknownHost() {
        fixture.given(recorded)
                .when(new CorrectHostingDecision(
                        "hdh", null, null, "nobody", null, null, null, null, null, null, "host", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(recorded)
                .when(new CorrectHostingDecision(
                        "hdh",
                        "Health Data Hub",
                        null,
                        "microsoft",
                        ALL,
                        null,
                        null,
                        null,
                        null,
                        null,
                        "none",
                        SOURCES,
                        null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the correction changes nothing");
    }

    private RecordHostingDecision onRegisterEntry(List<Integer> activities) {
        return new RecordHostingDecision(
                "fedramp-f1-va",
                "Department of Veterans Affairs",
                "Box Enterprise Cloud",
                "microsoft",
                activities,
                d("2022-08-29"),
                ProcurementRoute.UNKNOWN,
                null,
                "FedRAMP agency authorization",
                List.of(),
                SOURCES,
                null,
                "fedramp:F1");
    }

    @Test
    void aFedrampDecisionIsOnItsRegisterEntryAndCoversNoHdsActivity() {
        fixture.givenNoPriorActivity()
                .when(onRegisterEntry(List.of()))
                .expectEvents(new HostingDecisionRecorded(
                        "fedramp-f1-va",
                        "Department of Veterans Affairs",
                        "Box Enterprise Cloud",
                        "microsoft",
                        List.of(),
                        d("2022-08-29"),
                        ProcurementRoute.UNKNOWN,
                        null,
                        "FedRAMP agency authorization",
                        List.of(),
                        SOURCES,
                        null,
                        "fedramp:F1"));
        fixture.givenNoPriorActivity()
                .when(onRegisterEntry(List.of(1)))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anHdsDecisionStillNeedsActivities() {
        fixture.givenNoPriorActivity()
                .when(record("microsoft", List.of()))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
