package org.hostledger.core.offering;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChainAssessmentTest {

    private static ChainActor actor(
            String name,
            String hostId,
            ChainRole role,
            HdsStatus hds,
            String ground,
            List<Integer> activities,
            List<String> access,
            AccessGround accessGround,
            List<String> law) {
        return new ChainActor(
                name,
                hostId,
                role,
                null,
                hds,
                ground,
                false,
                activities,
                !access.isEmpty(),
                access,
                accessGround,
                !law.isEmpty(),
                law,
                null);
    }

    private static final ChainActor OVH = actor(
            "OVHcloud",
            "ovhcloud",
            ChainRole.HOST,
            HdsStatus.CERTIFIED,
            null,
            List.of(1, 2, 3),
            List.of(),
            null,
            List.of());
    private static final ChainActor AIVEN = actor(
            "Aiven OY",
            null,
            ChainRole.SUBCONTRACTOR,
            HdsStatus.EXEMPTED,
            "under OVHcloud's control",
            List.of(4, 5, 6),
            List.of("CA", "GB"),
            AccessGround.ADEQUACY_DECISION,
            List.of("CA", "GB"));

    @Test
    void onlyActorsInvolvedInTheActivitiesExpose() {
        List<ExposureReason> reasons = ChainAssessment.exposure(List.of(OVH, AIVEN), List.of(1, 2, 3, 4, 5, 6));
        assertThat(reasons)
                .extracting(ExposureReason::text)
                .containsExactly(
                        "Aiven OY, subcontractor for activities 4–6: access from CA, GB under an adequacy decision",
                        "Aiven OY, subcontractor for activities 4–6: exposed to CA, GB law");
        assertThat(reasons)
                .extracting(ExposureReason::kind)
                .containsExactly(ExposureReason.Kind.ACCESS_UNDER_ADEQUACY, ExposureReason.Kind.NON_EU_LAW);
        assertThat(ChainAssessment.exposure(List.of(OVH, AIVEN), List.of(1, 2, 3)))
                .isEmpty();
        assertThat(ChainAssessment.exposure(List.of(OVH, AIVEN), List.of(3, 5)))
                .extracting(ExposureReason::activities)
                .containsOnly(List.of(5));
    }

    @Test
    void accessUnderSafeguardsIsItsOwnKind() {
        ChainActor support = actor(
                "Support Inc",
                null,
                ChainRole.SUBCONTRACTOR,
                HdsStatus.CERTIFIED,
                null,
                List.of(5),
                List.of("US"),
                AccessGround.ART_46_SAFEGUARDS,
                List.of());
        List<ExposureReason> reasons = ChainAssessment.exposure(List.of(OVH, support), List.of(5));
        assertThat(reasons).hasSize(1);
        assertThat(reasons.get(0).kind()).isEqualTo(ExposureReason.Kind.ACCESS_UNDER_SAFEGUARDS);
        assertThat(reasons.get(0).text())
                .isEqualTo("Support Inc, subcontractor for activity 5: access from US under GDPR art. 46 safeguards");
    }

    @Test
    void gapsNameTheActorOrSayNobodyPerformsTheActivity() {
        ChainActor uncertified = actor(
                "Ops Co",
                null,
                ChainRole.SUBCONTRACTOR,
                HdsStatus.NOT_CERTIFIED,
                null,
                List.of(4),
                List.of(),
                null,
                List.of());
        // The ledger holds a certificate of ovhcloud for activities 1 and 2 only.
        List<ChainGap> gaps =
                ChainAssessment.gaps(List.of(OVH, AIVEN, uncertified), List.of(1, 2, 3, 4, 5), (host, a) -> a <= 2);
        assertThat(gaps)
                .containsExactly(
                        new ChainGap(3, "OVHcloud", "OVHcloud holds no valid certificate for activity 3 in the ledger"),
                        new ChainGap(4, "Ops Co", "Ops Co performs activity 4 without HDS certificate or exemption"));
        assertThat(ChainAssessment.gaps(List.of(OVH), List.of(5), (host, a) -> true))
                .containsExactly(new ChainGap(5, null, "activity 5 is not offered by this offering"));
    }

    @Test
    void rulesRefuseAnUnknownUnderAndCountriesForANoAnswer() {
        ChainActor stray = new ChainActor(
                "Stray",
                null,
                ChainRole.SUBCONTRACTOR,
                "Nobody",
                HdsStatus.CERTIFIED,
                null,
                false,
                List.of(4),
                false,
                List.of("US"),
                null,
                false,
                List.of(),
                null);
        assertThat(ChainRules.problems(List.of(OVH, stray)))
                .extracting(ChainRules.Problem::message)
                .containsExactlyInAnyOrder(
                        "countries are given for a no answer", "works for 'Nobody', who is not in the chain");
        assertThat(ChainRules.problems(List.of(OVH, AIVEN))).isEmpty();
    }

    @Test
    void activityRanges() {
        assertThat(ChainAssessment.range(List.of(4, 5, 6))).isEqualTo("4–6");
        assertThat(ChainAssessment.range(List.of(1, 3))).isEqualTo("1, 3");
        assertThat(ChainAssessment.range(List.of(1, 2))).isEqualTo("1, 2");
        assertThat(ChainAssessment.activities(List.of(5))).isEqualTo("activity 5");
    }
}
