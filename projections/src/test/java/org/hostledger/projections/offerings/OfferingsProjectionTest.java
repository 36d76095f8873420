package org.hostledger.projections.offerings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.OfferingAdded;
import org.hostledger.core.event.OfferingChainChanged;
import org.hostledger.core.event.OfferingCorrected;
import org.hostledger.core.event.OfferingRemoved;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.offering.AccessGround;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainRole;
import org.hostledger.core.offering.ExposureReason;
import org.hostledger.core.offering.HdsStatus;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.FindOffering;
import org.hostledger.core.query.GetSovereigntyStats;
import org.hostledger.core.query.ListOfferings;
import org.hostledger.core.query.OfferingView;
import org.hostledger.projections.ProjectionHarness;
import org.junit.jupiter.api.Test;

class OfferingsProjectionTest {

    private final ProjectionHarness harness = new ProjectionHarness();

    private static final ChainActor HOST = new ChainActor(
            "Cloud",
            "cloud",
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
            null);

    private static ChainActor sub(AccessGround ground, boolean law) {
        return new ChainActor(
                "Sub",
                null,
                ChainRole.SUBCONTRACTOR,
                null,
                HdsStatus.EXEMPTED,
                "under the host's control",
                false,
                List.of(4, 5, 6),
                true,
                List.of("US"),
                ground,
                law,
                law ? List.of("US") : List.of(),
                null);
    }

    private static LocalDate d(String date) {
        return LocalDate.parse(date);
    }

    private OfferingView offering(String asOf, Instant knownAt) {
        return harness.offerings.handle(new FindOffering("cloud-db", harness.at(asOf, knownAt)));
    }

    private DecisionView decision(String asOf, Instant knownAt) {
        return harness.hostingMap.handle(new FindDecision("dec", harness.at(asOf, knownAt)));
    }

    /** A correction naming another offering changes the decision's chain for reads known after it only. */
    @Test
    void aDecisionsCorrectedOfferingIsBitemporal() {
        harness.feed(new HostRegistered("cloud", "Cloud", "FR", null, null, d("2018-01-01"), SOURCES));
        harness.feed(new OfferingAdded(
                "cloud-db",
                "cloud",
                "Cloud",
                "DB",
                List.of(HOST, sub(AccessGround.ADEQUACY_DECISION, true)),
                false,
                d("2024-01-01"),
                SOURCES,
                null));
        harness.feed(new OfferingAdded(
                "cloud-vm", "cloud", "Cloud", "VM", List.of(HOST), false, d("2024-01-01"), SOURCES, null));
        harness.feed(new HostingDecisionRecorded(
                "dec",
                "CHU",
                "DPI",
                "cloud",
                List.of(1, 2, 3, 4, 5, 6),
                d("2024-02-01"),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "why",
                List.of(),
                SOURCES,
                "cloud-db"));
        Instant beforeCorrection = harness.now();
        assertThat(decision("2024-03-01", null).exposure()).isEqualTo(Exposure.NON_EU);

        harness.feed(new HostingDecisionCorrected(
                "dec",
                "CHU",
                "DPI",
                "cloud",
                List.of(1, 2, 3, 4, 5, 6),
                d("2024-02-01"),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "why",
                List.of(),
                "the contract names the VM offering",
                SOURCES,
                "cloud-vm"));
        DecisionView now = decision("2024-03-01", null);
        assertThat(now.offering().id()).isEqualTo("cloud-vm");
        assertThat(now.exposure()).isEqualTo(Exposure.EU);
        assertThat(now.exposureReasons()).isEmpty();
        DecisionView then = decision("2024-03-01", beforeCorrection);
        assertThat(then.offering().id()).isEqualTo("cloud-db");
        assertThat(then.exposure()).isEqualTo(Exposure.NON_EU);

        // A later correction without an offering (revision 1 corrections never had one) keeps the corrected one.
        harness.feed(new HostingDecisionCorrected(
                "dec",
                "CHU",
                "DPI",
                "cloud",
                List.of(1, 2, 3, 4, 5, 6),
                d("2024-02-01"),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "why, restated",
                List.of(),
                "rationale restated",
                SOURCES));
        assertThat(decision("2024-03-01", null).offering().id()).isEqualTo("cloud-vm");
    }

    @Test
    void theChainIsBitemporalAndDecisionsFollowIt() {
        harness.feed(new HostRegistered("cloud", "Cloud", "FR", null, null, d("2018-01-01"), SOURCES));
        harness.feed(new OfferingAdded(
                "cloud-db",
                "cloud",
                "Cloud",
                "DB",
                List.of(HOST, sub(AccessGround.ADEQUACY_DECISION, true)),
                false,
                d("2024-01-01"),
                SOURCES,
                null));
        harness.feed(new HostingDecisionRecorded(
                "dec",
                "CHU",
                "DPI",
                "cloud",
                List.of(1, 2, 3, 4, 5, 6),
                d("2024-02-01"),
                ProcurementRoute.PUBLIC_TENDER,
                null,
                "why",
                List.of(),
                SOURCES,
                "cloud-db"));
        Instant beforeCorrection = harness.now();
        assertThat(decision("2024-03-01", null).exposureReasons())
                .extracting(ExposureReason::kind)
                .containsExactly(ExposureReason.Kind.ACCESS_UNDER_ADEQUACY, ExposureReason.Kind.NON_EU_LAW);

        // Corrected: the access was under art. 46 safeguards and there is no exposure to non-EU law.
        harness.feed(new OfferingCorrected(
                "cloud-db",
                List.of(HOST, sub(AccessGround.ART_46_SAFEGUARDS, false)),
                d("2024-01-01"),
                "misread",
                SOURCES));
        assertThat(offering("2024-03-01", null).chain().get(1).accessGround())
                .isEqualTo(AccessGround.ART_46_SAFEGUARDS);
        assertThat(offering("2024-03-01", beforeCorrection).chain().get(1).accessGround())
                .isEqualTo(AccessGround.ADEQUACY_DECISION);
        DecisionView corrected = decision("2024-03-01", null);
        assertThat(corrected.exposure()).isEqualTo(Exposure.NON_EU);
        assertThat(corrected.exposureReasons())
                .extracting(ExposureReason::kind)
                .containsExactly(ExposureReason.Kind.ACCESS_UNDER_SAFEGUARDS);
        var stats = harness.sovereignty.handle(new GetSovereigntyStats(harness.at("2024-03-01", null)));
        assertThat(stats.byReason().accessUnderSafeguards()).isEqualTo(1);
        assertThat(stats.byReason().accessUnderAdequacy()).isZero();
        assertThat(stats.total().nonEu()).isEqualTo(1);

        // The subcontractor leaves on 1 July: EU from then on.
        harness.feed(new OfferingChainChanged(
                "cloud-db", List.of(HOST), List.of(), List.of("Sub"), List.of(), d("2024-07-01"), SOURCES, null));
        assertThat(decision("2024-07-01", null).exposure()).isEqualTo(Exposure.EU);
        assertThat(decision("2024-06-30", null).exposure()).isEqualTo(Exposure.NON_EU);
        // Nobody performs 4-6 any more; the host is a ledger host without a certificate in the ledger for 1-3.
        assertThat(decision("2024-07-01", null).chainGaps())
                .extracting(g -> g.activity() + ":" + g.actor())
                .containsExactly("1:Cloud", "2:Cloud", "3:Cloud", "4:null", "5:null", "6:null");

        // Removed: not published, the decision names an offering that has no chain on that date.
        harness.feed(new OfferingRemoved("cloud-db", d("2024-09-01"), SOURCES, null));
        assertThat(offering("2024-09-01", null)).isNull();
        assertThat(offering("2024-08-31", null)).isNotNull();
        assertThat(harness.offerings
                        .handle(new ListOfferings("cloud", null, false, harness.at("2024-09-01", null)))
                        .items())
                .isEmpty();
        assertThat(harness.offerings
                        .handle(new ListOfferings("cloud", null, true, harness.at("2024-09-01", null)))
                        .items())
                .hasSize(1);
        DecisionView removed = decision("2024-09-01", null);
        assertThat(removed.offering().chain()).isNull();
        assertThat(removed.chainGaps()).hasSize(6);

        // Added again.
        harness.feed(new OfferingAdded(
                "cloud-db", "cloud", "Cloud", "DB", List.of(HOST), true, d("2024-10-01"), SOURCES, null));
        assertThat(offering("2024-10-01", null).since()).isEqualTo(d("2024-10-01"));
    }
}
