package org.hostledger.commands.certification;

import static org.hostledger.commands.TestRecords.SOURCES;
import static org.hostledger.commands.TestRecords.d;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hostledger.commands.TestRecords;
import org.hostledger.core.command.ChangeCertificationScope;
import org.hostledger.core.command.CorrectCertification;
import org.hostledger.core.command.GrantCertification;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.ReinstateCertification;
import org.hostledger.core.command.RenewCertification;
import org.hostledger.core.command.SuspendCertification;
import org.hostledger.core.command.WithdrawCertification;
import org.hostledger.core.event.CertificationCorrected;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationReinstated;
import org.hostledger.core.event.CertificationRenewed;
import org.hostledger.core.event.CertificationScopeChanged;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.CertificationWithdrawn;
import org.hostledger.core.model.Scheme;
import org.hostledger.core.model.SchemeCatalog;
import org.hostledger.core.rule.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CertificationTest {

    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6);

    private AggregateTestFixture<Certification> fixture;

    private final CertificationGranted granted = new CertificationGranted(
            "ovh-hds", "ovh", "HDS", "v1", "AFNOR Certification", ALL, null, d("2018-06-01"), d("2021-06-01"), SOURCES);
    private final CertificationSuspended suspended =
            new CertificationSuspended("ovh-hds", d("2019-03-01"), "audit finding", SOURCES);
    private final CertificationWithdrawn withdrawn =
            new CertificationWithdrawn("ovh-hds", d("2019-06-01"), "not remedied", SOURCES);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Certification.class);
        fixture.registerInjectableResource(
                new TestRecords().with("ovh", RecordKind.HOST).with("hdh", RecordKind.DECISION));
        fixture.registerInjectableResource(
                new SchemeCatalog(List.of(new Scheme("SECNUMCLOUD", "SecNumCloud", new java.util.TreeSet<>(), 3))));
    }

    private GrantCertification grant(
            String hostId, String scheme, List<Integer> activities, String from, String until) {
        return new GrantCertification(
                "ovh-hds", hostId, scheme, "v1", "AFNOR Certification", activities, null, d(from), d(until), SOURCES);
    }

    @Test
    void grantsACertificateToARegisteredHostWithSortedActivities() {
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "HDS", List.of(6, 5, 4, 3, 2, 1, 1), "2018-06-01", "2021-06-01"))
                .expectEvents(granted);
    }

    @Test
    void grantsACertificateOfAConfiguredSchemeWithoutActivities() {
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "SECNUMCLOUD", List.of(), "2022-01-01", "2025-01-01"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(new CertificationGranted(
                        "ovh-hds",
                        "ovh",
                        "SECNUMCLOUD",
                        "v1",
                        "AFNOR Certification",
                        List.of(),
                        null,
                        d("2022-01-01"),
                        d("2025-01-01"),
                        SOURCES));
    }

    @Test
    void cannotGrantToAnUnregisteredHost() {
        fixture.givenNoPriorActivity()
                .when(grant("nobody", "HDS", ALL, "2018-06-01", "2021-06-01"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no host with id 'nobody' is registered");
    }

    @Test
    void cannotGrantToARecordThatIsNotAHost() {
        fixture.givenNoPriorActivity()
                .when(grant("hdh", "HDS", ALL, "2018-06-01", "2021-06-01"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotGrantUnderAnUnknownScheme() {
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "ISO27001", ALL, "2018-06-01", "2021-06-01"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("unknown scheme 'ISO27001'");
    }

    @Test
    void theValidityWindowMustBePositive() {
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "HDS", ALL, "2021-06-01", "2018-06-01"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("validUntil (2018-06-01) must be after validFrom (2021-06-01)");
    }

    @Test
    void theValidityWindowCannotBeEmpty() {
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "HDS", ALL, "2018-06-01", "2018-06-01"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anHdsCertificateIsValidAtMostThreeYears() {
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "HDS", ALL, "2018-06-01", "2021-06-02"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a HDS certificate is valid at most 3 years");
    }

    @Test
    void activitiesMustBeANonEmptySubsetOfOneToSix() {
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "HDS", List.of(), "2018-06-01", "2021-06-01"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("at least one activity is required");
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "HDS", List.of(1, 7), "2018-06-01", "2021-06-01"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("activities must be among [1, 2, 3, 4, 5, 6] of HDS");
    }

    @Test
    void aSchemeWithoutActivitiesTakesNone() {
        fixture.givenNoPriorActivity()
                .when(grant("ovh", "SECNUMCLOUD", List.of(1), "2022-01-01", "2025-01-01"))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("SECNUMCLOUD certificates cover no activities");
    }

    @Test
    void suspendsAValidCertificate() {
        fixture.given(granted)
                .when(new SuspendCertification("ovh-hds", d("2019-03-01"), "audit finding", SOURCES, null))
                .expectEvents(suspended);
    }

    @Test
    void cannotSuspendAWithdrawnCertificate() {
        fixture.given(granted, withdrawn)
                .when(new SuspendCertification("ovh-hds", d("2019-07-01"), "again", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a withdrawn certificate cannot be suspended");
    }

    @Test
    void cannotSuspendTwice() {
        fixture.given(granted, suspended)
                .when(new SuspendCertification("ovh-hds", d("2019-04-01"), "again", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the certificate is already suspended");
    }

    @Test
    void cannotSuspendAnExpiredCertificate() {
        fixture.given(granted)
                .when(new SuspendCertification("ovh-hds", d("2021-07-01"), "late", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotSuspendBeforeTheValidityStarts() {
        fixture.given(granted)
                .when(new SuspendCertification("ovh-hds", d("2018-01-01"), "early", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void lifecycleChangesComeInTheOrderOfTheirEffectiveDates() {
        fixture.given(granted, suspended)
                .when(new ReinstateCertification("ovh-hds", d("2019-02-01"), "remedied", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(
                        "effectiveOn 2019-02-01 is before the certificate's latest recorded change (2019-03-01)");
    }

    @Test
    void reinstatesASuspendedCertificate() {
        fixture.given(granted, suspended)
                .when(new ReinstateCertification("ovh-hds", d("2019-04-01"), "remedied", SOURCES, null))
                .expectEvents(new CertificationReinstated("ovh-hds", d("2019-04-01"), "remedied", SOURCES));
    }

    @Test
    void cannotReinstateACertificateThatIsNotSuspended() {
        fixture.given(granted)
                .when(new ReinstateCertification("ovh-hds", d("2019-04-01"), "remedied", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("only a suspended certificate can be reinstated; this one is granted");
    }

    @Test
    void cannotReinstateAWithdrawnCertificate() {
        fixture.given(granted, suspended, withdrawn)
                .when(new ReinstateCertification("ovh-hds", d("2019-07-01"), "remedied", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("only a suspended certificate can be reinstated; this one is withdrawn");
    }

    @Test
    void withdrawsACertificate() {
        fixture.given(granted)
                .when(new WithdrawCertification("ovh-hds", d("2019-06-01"), "not remedied", SOURCES, null))
                .expectEvents(withdrawn);
    }

    @Test
    void cannotWithdrawTwice() {
        fixture.given(granted, withdrawn)
                .when(new WithdrawCertification("ovh-hds", d("2019-08-01"), "again", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the certificate is already withdrawn");
    }

    @Test
    void aWithdrawalNeedsAReason() {
        fixture.given(granted)
                .when(new WithdrawCertification("ovh-hds", d("2019-08-01"), null, SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("reason is required");
    }

    @Test
    void renewsOntoANewReferential() {
        fixture.given(granted)
                .when(new RenewCertification("ovh-hds", d("2024-06-01"), "v2.0", d("2021-05-15"), SOURCES, null))
                .expectEvents(new CertificationRenewed("ovh-hds", d("2024-06-01"), "v2.0", d("2021-05-15"), SOURCES));
    }

    @Test
    void aRenewalOnlyExtends() {
        fixture.given(granted)
                .when(new RenewCertification("ovh-hds", d("2021-01-01"), null, d("2020-05-15"), SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a renewal only extends: validUntil must be after 2021-06-01, not 2021-01-01");
    }

    @Test
    void aRenewalCoversOneCycleAtMost() {
        fixture.given(granted)
                .when(new RenewCertification("ovh-hds", d("2025-06-01"), null, d("2021-05-15"), SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a HDS certificate cycle lasts at most 3 years");
    }

    @Test
    void cannotRenewAWithdrawnCertificate() {
        fixture.given(granted, withdrawn)
                .when(new RenewCertification("ovh-hds", d("2024-06-01"), null, d("2021-05-15"), SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("a withdrawn certificate cannot be renewed");
    }

    @Test
    void changesTheScope() {
        fixture.given(granted)
                .when(new ChangeCertificationScope(
                        "ovh-hds", List.of(1, 2), d("2020-01-01"), "narrowed", SOURCES, null))
                .expectEvents(
                        new CertificationScopeChanged("ovh-hds", List.of(1, 2), d("2020-01-01"), "narrowed", SOURCES));
    }

    @Test
    void aScopeChangeMustChangeTheScope() {
        fixture.given(granted)
                .when(new ChangeCertificationScope("ovh-hds", ALL, d("2020-01-01"), "same", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the certificate already covers exactly these activities");
    }

    @Test
    void aScopeChangeKeepsToTheSchemesActivities() {
        fixture.given(granted)
                .when(new ChangeCertificationScope("ovh-hds", List.of(0), d("2020-01-01"), "bad", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotChangeTheScopeOfAWithdrawnCertificate() {
        fixture.given(granted, withdrawn)
                .when(new ChangeCertificationScope("ovh-hds", List.of(1), d("2020-01-01"), "late", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the scope of a withdrawn certificate cannot change");
    }

    @Test
    void correctsTheGrantKeepingWhatIsNotNamed() {
        fixture.given(granted)
                .when(new CorrectCertification(
                        "ovh-hds", null, null, "LNE", null, null, d("2018-07-01"), null, "wrong body", SOURCES, null))
                .expectEvents(new CertificationCorrected(
                        "ovh-hds",
                        "ovh",
                        "v1",
                        "LNE",
                        ALL,
                        null,
                        d("2018-07-01"),
                        d("2021-06-01"),
                        "wrong body",
                        SOURCES));
    }

    @Test
    void aCorrectionKeepsTheWindowPositive() {
        fixture.given(granted)
                .when(new CorrectCertification(
                        "ovh-hds", null, null, null, null, null, d("2021-07-01"), null, "typo", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionCannotMoveTheHostToAnUnknownOne() {
        fixture.given(granted)
                .when(new CorrectCertification(
                        "ovh-hds", "nobody", null, null, null, null, null, null, "typo", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("no host with id 'nobody' is registered");
    }

    @Test
    void aCorrectionCannotMoveTheStartAfterTheFirstChange() {
        fixture.given(granted, suspended)
                .when(new CorrectCertification(
                        "ovh-hds", null, null, null, null, null, d("2019-04-01"), null, "typo", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectedGrantMustEndBeforeItsRenewal() {
        fixture.given(granted, new CertificationRenewed("ovh-hds", d("2024-06-01"), null, d("2021-05-15"), SOURCES))
                .when(new CorrectCertification(
                        "ovh-hds", null, null, null, null, null, null, d("2024-06-01"), "typo", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(granted)
                .when(new CorrectCertification(
                        "ovh-hds", "ovh", "v1", null, null, null, null, null, "nothing", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the correction changes nothing");
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(granted)
                .when(new CorrectCertification(
                        "ovh-hds", null, null, "LNE", null, null, null, null, null, SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("reason is required");
    }
}
