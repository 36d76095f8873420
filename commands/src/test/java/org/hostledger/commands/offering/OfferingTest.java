package org.hostledger.commands.offering;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hostledger.commands.TestRecords;
import org.hostledger.core.command.CorrectOffering;
import org.hostledger.core.command.RecordOffering;
import org.hostledger.core.command.RemoveOffering;
import org.hostledger.core.event.OfferingAdded;
import org.hostledger.core.event.OfferingChainChanged;
import org.hostledger.core.event.OfferingCorrected;
import org.hostledger.core.event.OfferingRemoved;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.offering.AccessGround;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainRole;
import org.hostledger.core.offering.HdsStatus;
import org.hostledger.core.rule.RuleViolation;
import org.junit.jupiter.api.Test;

class OfferingTest {

    private static final String ID = "ovhcloud-relational-database";
    private static final RegisterCitation MAY = citation("2024-05-14T00:00:00Z", "aa");
    private static final RegisterCitation DEC = citation("2024-12-01T00:00:00Z", "bb");
    private static final RegisterCitation JAN = citation("2025-01-01T00:00:00Z", "cc");
    private static final LocalDate MAY_14 = LocalDate.parse("2024-05-14");
    private static final LocalDate DEC_1 = LocalDate.parse("2024-12-01");

    static final ChainActor OVH = new ChainActor(
            "OVHcloud",
            "ovhcloud",
            ChainRole.HOST,
            null,
            HdsStatus.CERTIFIED,
            null,
            false,
            List.of(1, 2, 3),
            false,
            List.of(),
            null,
            false,
            List.of(),
            "meets SecNumCloud 19.6");
    static final ChainActor AIVEN = new ChainActor(
            "Aiven OY",
            null,
            ChainRole.SUBCONTRACTOR,
            null,
            HdsStatus.EXEMPTED,
            "under OVHcloud's control",
            false,
            List.of(4, 5, 6),
            true,
            List.of("CA", "GB"),
            AccessGround.ADEQUACY_DECISION,
            true,
            List.of("CA", "GB"),
            null);

    private final AggregateTestFixture<Offering> fixture = new AggregateTestFixture<>(Offering.class);

    private static RegisterCitation citation(String publishedAt, String sha) {
        return new RegisterCitation("hds-transfer-maps", Instant.parse(publishedAt), sha, null);
    }

    private static RecordOffering record(List<ChainActor> chain, LocalDate on, RegisterCitation citation) {
        return new RecordOffering(ID, false, "ovhcloud", "OVHcloud", "Relational Database", chain, on, null, citation);
    }

    private static OfferingAdded added() {
        return new OfferingAdded(
                ID,
                "ovhcloud",
                "OVHcloud",
                "Relational Database",
                List.of(OVH, AIVEN),
                false,
                MAY_14,
                List.of(MAY.note()),
                MAY);
    }

    private static ChainActor with(ChainActor a, String under, List<Integer> activities, String ground) {
        return new ChainActor(
                a.actor(),
                a.hostId(),
                a.role(),
                under,
                a.hds(),
                ground,
                a.secNumCloud(),
                activities,
                a.accessFromOutsideEea(),
                a.accessCountries(),
                a.accessGround(),
                a.exposedToNonEuLaw(),
                a.exposureCountries(),
                a.note());
    }

    @Test
    void aNewOfferingIsAddedWithItsChainCitingTheMap() {
        fixture.givenNoPriorActivity()
                .when(record(List.of(OVH, AIVEN), MAY_14, MAY))
                .expectEvents(added());
    }

    @Test
    void aSubcontractorThatDisappearsIsAChainChangeNamingIt() {
        fixture.given(added())
                .when(record(List.of(OVH), DEC_1, DEC))
                .expectEvents(new OfferingChainChanged(
                        ID, List.of(OVH), List.of(), List.of("Aiven OY"), List.of(), DEC_1, List.of(DEC.note()), DEC));
    }

    @Test
    void aChangedAnswerNamesTheActor() {
        ChainActor safeguards = new ChainActor(
                "Aiven OY",
                null,
                ChainRole.SUBCONTRACTOR,
                null,
                HdsStatus.EXEMPTED,
                "under OVHcloud's control",
                false,
                List.of(4, 5, 6),
                true,
                List.of("US"),
                AccessGround.ART_46_SAFEGUARDS,
                true,
                List.of("US"),
                null);
        fixture.given(added())
                .when(record(List.of(OVH, safeguards), DEC_1, DEC))
                .expectEvents(new OfferingChainChanged(
                        ID,
                        List.of(OVH, safeguards),
                        List.of(),
                        List.of(),
                        List.of("Aiven OY"),
                        DEC_1,
                        List.of(DEC.note()),
                        DEC));
    }

    @Test
    void anUnchangedChainIsRefused() {
        fixture.given(added())
                .when(record(List.of(OVH, AIVEN), DEC_1, DEC))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void removedThenAddedAgain() {
        fixture.given(added())
                .when(new RemoveOffering(ID, DEC_1, null, DEC))
                .expectEvents(new OfferingRemoved(ID, DEC_1, List.of(DEC.note()), DEC));
        fixture.given(added(), new OfferingRemoved(ID, DEC_1, List.of(DEC.note()), DEC))
                .when(record(List.of(OVH), LocalDate.parse("2025-01-01"), JAN))
                .expectEvents(new OfferingAdded(
                        ID,
                        "ovhcloud",
                        "OVHcloud",
                        "Relational Database",
                        List.of(OVH),
                        true,
                        LocalDate.parse("2025-01-01"),
                        List.of(JAN.note()),
                        JAN));
        fixture.given(added(), new OfferingRemoved(ID, DEC_1, List.of(DEC.note()), DEC))
                .when(new RemoveOffering(ID, LocalDate.parse("2025-01-01"), null, DEC))
                .expectException(RuleViolation.class);
    }

    @Test
    void aCorrectionReplacesTheLatestChainAtItsDate() {
        fixture.given(added())
                .when(new CorrectOffering(ID, List.of(OVH), "Aiven was listed by mistake", TestRecords.SOURCES))
                .expectEvents(new OfferingCorrected(
                        ID, List.of(OVH), MAY_14, "Aiven was listed by mistake", TestRecords.SOURCES));
    }

    @Test
    void changesNeverGoBackInTimeNorAfterTheirMap() {
        fixture.given(added())
                .when(record(List.of(OVH), LocalDate.parse("2024-01-01"), DEC))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(record(List.of(OVH), DEC_1, MAY))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anUnknownActivityIsRefused() {
        refused(List.of(OVH, with(AIVEN, null, List.of(4, 7), "ground")), "unknown HDS activity 7");
    }

    @Test
    void aCountryThatIsNotIso3166IsRefused() {
        ChainActor uk = new ChainActor(
                "Aiven OY",
                null,
                ChainRole.SUBCONTRACTOR,
                null,
                HdsStatus.EXEMPTED,
                "ground",
                false,
                List.of(4),
                true,
                List.of("UK"),
                AccessGround.ADEQUACY_DECISION,
                false,
                List.of(),
                null);
        refused(List.of(OVH, uk), "'UK' is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void anExemptionWithoutAGroundIsRefused() {
        refused(List.of(OVH, with(AIVEN, null, List.of(4, 5, 6), " ")), "needs its stated ground");
    }

    @Test
    void aCycleInTheChainIsRefused() {
        ChainActor a = with(AIVEN, "Aiven Canada", List.of(4), "ground");
        ChainActor b = new ChainActor(
                "Aiven Canada",
                null,
                ChainRole.SUBCONTRACTOR,
                "Aiven OY",
                HdsStatus.EXEMPTED,
                "ground",
                false,
                List.of(5),
                false,
                List.of(),
                null,
                false,
                List.of(),
                null);
        refused(List.of(OVH, a, b), "circle");
    }

    @Test
    void aChainWithoutExactlyOneHostIsRefused() {
        refused(List.of(AIVEN), "exactly one");
    }

    private void refused(List<ChainActor> chain, String message) {
        fixture.givenNoPriorActivity()
                .when(record(chain, MAY_14, MAY))
                .expectException(RuleViolation.class)
                .expectExceptionMessage(org.hamcrest.Matchers.containsString(message))
                .expectNoEvents();
    }
}
