package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainGap;
import org.hostledger.core.offering.ExposureReason;

/**
 * One row of the hosting map: who hosts what, since when and why, with what followed, its compliance and its
 * exposure, on the date asked. {@code challenges} and {@code migrationPlans} hold the latest ones (a few in lists,
 * up to 200 for one decision); {@code challengeCount} and {@code migrationPlanCount} say how many there are in all —
 * the record's history has every one. {@code exposureReasons} say why a decision is {@code NON_EU} (its host's parent,
 * or an actor of its offering's chain involved in its activities); {@code chainGaps} name the actors of that chain
 * that leave an activity uncovered.
 */
public record DecisionView(
        String id,
        String controller,
        String system,
        HostSummary host,
        List<Integer> activities,
        LocalDate decidedOn,
        ProcurementRoute procurement,
        String contractor,
        String rationale,
        List<String> alternatives,
        DecisionStatus status,
        Ending ending,
        List<Challenge> challenges,
        List<MigrationPlan> migrationPlans,
        int challengeCount,
        int migrationPlanCount,
        List<SourceNote> sources,
        Compliance compliance,
        Exposure exposure,
        List<Correction> corrections,
        long version,
        OfferingSummary offering,
        List<ExposureReason> exposureReasons,
        List<ChainGap> chainGaps) {

    /** A decision that names no offering: its exposure and compliance are its host's. */
    public DecisionView(
            String id,
            String controller,
            String system,
            HostSummary host,
            List<Integer> activities,
            LocalDate decidedOn,
            ProcurementRoute procurement,
            String contractor,
            String rationale,
            List<String> alternatives,
            DecisionStatus status,
            Ending ending,
            List<Challenge> challenges,
            List<MigrationPlan> migrationPlans,
            int challengeCount,
            int migrationPlanCount,
            List<SourceNote> sources,
            Compliance compliance,
            Exposure exposure,
            List<Correction> corrections,
            long version) {
        this(
                id,
                controller,
                system,
                host,
                activities,
                decidedOn,
                procurement,
                contractor,
                rationale,
                alternatives,
                status,
                ending,
                challenges,
                migrationPlans,
                challengeCount,
                migrationPlanCount,
                sources,
                compliance,
                exposure,
                corrections,
                version,
                null,
                List.of(),
                List.of());
    }

    /**
     * The offering a decision names and its chain on the date asked ({@code chain} null when the offering was not
     * published then).
     */
    public record OfferingSummary(String id, String name, List<ChainActor> chain) {}

    /** The host as it stood on the date asked. */
    public record HostSummary(String id, String name, String country, String parentCompany, String parentCountry) {}

    public record Ending(LocalDate effectiveOn, String reason, String supersededBy, List<SourceNote> sources) {}

    public record Challenge(
            LocalDate effectiveOn,
            Instant recordedAt,
            String by,
            String argument,
            String forum,
            String outcome,
            List<SourceNote> sources) {}

    public record MigrationPlan(
            LocalDate effectiveOn,
            Instant recordedAt,
            String targetHostId,
            String target,
            LocalDate targetDate,
            String rationale,
            List<SourceNote> sources) {}

    /**
     * Coverage of the decision's activities by valid HDS certificates of its host, on the decision date and on the
     * date asked. {@code uncoveredActivities} are those uncovered on the date asked.
     */
    public record Compliance(
            ComplianceStatus atDecision,
            ComplianceStatus asOf,
            List<Integer> uncoveredActivities,
            List<Integer> uncoveredAtDecision,
            List<ActivityCoverage> activities) {}

    public record ActivityCoverage(int activity, String labelFr, String labelEn, boolean atDecision, boolean asOf) {}
}
