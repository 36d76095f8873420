package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/** Record that a data controller put a system on a registered host. */
public record RecordHostingDecision(
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
        List<SourceNote> sources,
        String offeringId)
        implements LedgerCommand {

    /** Without an offering: the decision's exposure and compliance are its host's alone. */
    public RecordHostingDecision(
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
            List<SourceNote> sources) {
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
                sources,
                null);
    }

    @Override
    public String targetId() {
        return decisionId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.DECISION;
    }

    @Override
    public boolean createsRecord() {
        return true;
    }
}
