package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/**
 * A data controller put a system or data set on a host, for some activities, by some procurement route, for stated
 * reasons; {@code offeringId}, when given, names the host's offering whose chain it relies on (null in older events);
 * {@code registerEntry}, when given, the register entry (a FedRAMP product) whose agency authorization the decision
 * is (null in older events and in HDS decisions).
 */
public record HostingDecisionRecorded(
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
        String offeringId,
        String registerEntry)
        implements LedgerEvent {

    /** Not on a register entry: an HDS decision, whose activities its host's certificates must cover. */
    public HostingDecisionRecorded(
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
    public HostingDecisionRecorded(
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
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public LocalDate effectiveDate() {
        return decidedOn;
    }
}
