package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/**
 * Fix the decision's facts. Null leaves a field as it is; an empty text clears an optional one. {@code offeringId}
 * names another offering of the (corrected) host; it cannot be cleared.
 */
public record CorrectHostingDecision(
        @TargetAggregateIdentifier String decisionId,
        String controller,
        String system,
        String hostId,
        List<Integer> activities,
        LocalDate decidedOn,
        ProcurementRoute procurement,
        String contractor,
        String rationale,
        List<String> alternatives,
        String reason,
        List<SourceNote> sources,
        String offeringId,
        @TargetAggregateVersion Long expectedVersion)
        implements LedgerCommand {

    /** A correction that leaves the decision's offering as it was. */
    public CorrectHostingDecision(
            String decisionId,
            String controller,
            String system,
            String hostId,
            List<Integer> activities,
            LocalDate decidedOn,
            ProcurementRoute procurement,
            String contractor,
            String rationale,
            List<String> alternatives,
            String reason,
            List<SourceNote> sources,
            Long expectedVersion) {
        this(
                decisionId,
                controller,
                system,
                hostId,
                activities,
                decidedOn,
                procurement,
                contractor,
                rationale,
                alternatives,
                reason,
                sources,
                null,
                expectedVersion);
    }

    @Override
    public String targetId() {
        return decisionId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.DECISION;
    }
}
