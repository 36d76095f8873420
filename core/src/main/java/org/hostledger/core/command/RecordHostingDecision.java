package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/**
 * Record that a data controller put a system on a registered host. {@code registerEntry}, when given, is the key of
 * the register entry (a FedRAMP product) whose authorization this decision is: a FedRAMP decision, which covers no
 * HDS activities and is compliant on a date when that product is Authorized on that date.
 */
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
        String offeringId,
        String registerEntry)
        implements LedgerCommand {

    /** Not on a register entry: an HDS decision, whose activities its host's certificates must cover. */
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
            List<SourceNote> sources,
            String offeringId) {
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
                offeringId,
                null);
    }

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
                null,
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
