package org.hostledger.commands.host;

import static org.hostledger.commands.TestRecords.SOURCES;
import static org.hostledger.commands.TestRecords.d;

import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hostledger.core.command.ChangeHostOwnership;
import org.hostledger.core.command.CorrectHost;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.event.HostCorrected;
import org.hostledger.core.event.HostOwnershipChanged;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.rule.RuleViolation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HostTest {

    private AggregateTestFixture<Host> fixture;

    private final HostRegistered microsoft = new HostRegistered(
            "microsoft", "Microsoft Ireland", "IE", "Microsoft Corporation", "US", d("2018-11-01"), SOURCES);
    private final HostRegistered ovh = new HostRegistered("ovh", "OVH", "FR", null, null, d("2018-06-01"), SOURCES);

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Host.class);
    }

    @Test
    void registersAHostWithItsUltimateParent() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHost(
                        "microsoft",
                        "Microsoft Ireland",
                        "IE",
                        "Microsoft Corporation",
                        "US",
                        d("2018-11-01"),
                        SOURCES))
                .expectEvents(microsoft);
    }

    @Test
    void registersAHostWithoutParentAndTreatsBlankParentAsNone() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHost("ovh", "OVH", "FR", " ", "", d("2018-06-01"), SOURCES))
                .expectEvents(ovh);
    }

    @Test
    void cannotRegisterWithAnUnknownCountryCode() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHost("x", "X", "XX", null, null, d("2018-06-01"), SOURCES))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotRegisterAParentWithoutItsCountry() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHost("x", "X", "FR", "Parent SA", null, d("2018-06-01"), SOURCES))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("parentCountry is required when parentCompany is given");
    }

    @Test
    void cannotRegisterWithoutSources() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHost("x", "X", "FR", null, null, d("2018-06-01"), List.of()))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("at least one source is required");
    }

    @Test
    void cannotRegisterWithoutAName() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHost("x", " ", "FR", null, null, d("2018-06-01"), SOURCES))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("name is required");
    }

    @Test
    void recordsAnOwnershipChange() {
        fixture.given(ovh)
                .when(new ChangeHostOwnership("ovh", "Acme Holdings", "US", d("2021-01-01"), "acquired", SOURCES, null))
                .expectEvents(
                        new HostOwnershipChanged("ovh", "Acme Holdings", "US", d("2021-01-01"), "acquired", SOURCES));
    }

    @Test
    void cannotChangeOwnershipBeforeTheRegistration() {
        fixture.given(ovh)
                .when(new ChangeHostOwnership("ovh", "Acme", "US", d("2017-01-01"), "acquired", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotChangeOwnershipBeforeTheLatestChange() {
        fixture.given(ovh, new HostOwnershipChanged("ovh", "Acme", "US", d("2021-01-01"), "acquired", SOURCES))
                .when(new ChangeHostOwnership("ovh", "Other", "DE", d("2020-01-01"), "acquired", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotChangeOwnershipToTheSameParent() {
        fixture.given(microsoft)
                .when(new ChangeHostOwnership(
                        "microsoft", "Microsoft Corporation", "US", d("2021-01-01"), "same", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the host already has this parent");
    }

    @Test
    void ownershipChangeNeedsAReason() {
        fixture.given(ovh)
                .when(new ChangeHostOwnership("ovh", "Acme", "US", d("2021-01-01"), null, SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("reason is required");
    }

    @Test
    void correctsTheRegistrationKeepingWhatIsNotNamed() {
        fixture.given(microsoft)
                .when(new CorrectHost(
                        "microsoft", "Microsoft France", "FR", null, null, null, "wrong entity", SOURCES, null))
                .expectEvents(new HostCorrected(
                        "microsoft",
                        "Microsoft France",
                        "FR",
                        "Microsoft Corporation",
                        "US",
                        d("2018-11-01"),
                        "wrong entity",
                        SOURCES));
    }

    @Test
    void aCorrectionCanClearTheParentWithEmptyText() {
        fixture.given(microsoft)
                .when(new CorrectHost("microsoft", null, null, "", "", null, "no parent", SOURCES, null))
                .expectEvents(new HostCorrected(
                        "microsoft", "Microsoft Ireland", "IE", null, null, d("2018-11-01"), "no parent", SOURCES));
    }

    @Test
    void aCorrectionThatChangesNothingIsRefused() {
        fixture.given(ovh)
                .when(new CorrectHost("ovh", "OVH", "FR", null, null, null, "nothing", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("the correction changes nothing");
    }

    @Test
    void aCorrectionNeedsAReason() {
        fixture.given(ovh)
                .when(new CorrectHost("ovh", "OVHcloud", null, null, null, null, " ", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectExceptionMessage("reason is required");
    }

    @Test
    void aCorrectionCannotMoveTheRegistrationAfterAnOwnershipChange() {
        fixture.given(ovh, new HostOwnershipChanged("ovh", "Acme", "US", d("2021-01-01"), "acquired", SOURCES))
                .when(new CorrectHost("ovh", null, null, null, null, d("2022-01-01"), "date", SOURCES, null))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionOfTheRegisteredParentComparesWithTheRegistrationNotTheCurrentOwner() {
        fixture.given(ovh, new HostOwnershipChanged("ovh", "Acme", "US", d("2021-01-01"), "acquired", SOURCES))
                .when(new CorrectHost("ovh", null, null, "Acme", "US", null, "was Acme from the start", SOURCES, null))
                .expectEvents(new HostCorrected(
                        "ovh", "OVH", "FR", "Acme", "US", d("2018-06-01"), "was Acme from the start", SOURCES));
    }

    private final HostRegistered box =
            new HostRegistered("box-inc", "Box Inc.", null, null, null, d("2022-08-29"), SOURCES);

    @Test
    void aRegisterThatPublishesNoCountryRegistersAHostWhoseCountryIsUnknown() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHost("box-inc", "Box Inc.", null, null, null, d("2022-08-29"), SOURCES, "fedramp"))
                .expectEvents(box);
    }

    @Test
    void anyOtherRegistrationMustGiveTheCountry() {
        fixture.givenNoPriorActivity()
                .when(new RegisterHost("box-inc", "Box Inc.", null, null, null, d("2022-08-29"), SOURCES))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RegisterHost("box-inc", "Box Inc.", "XX", null, null, d("2022-08-29"), SOURCES, "fedramp"))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aCorrectionGivesTheUnknownCountryAndAnyOtherCorrectionKeepsItUnknown() {
        fixture.given(box)
                .when(new CorrectHost("box-inc", null, "US", null, null, null, "Incorporated in the US", SOURCES, null))
                .expectEvents(new HostCorrected(
                        "box-inc", "Box Inc.", "US", null, null, d("2022-08-29"), "Incorporated in the US", SOURCES));
        fixture.given(box)
                .when(new CorrectHost("box-inc", "Box, Inc.", null, null, null, null, "Name", SOURCES, null))
                .expectEvents(
                        new HostCorrected("box-inc", "Box, Inc.", null, null, null, d("2022-08-29"), "Name", SOURCES));
    }
}
