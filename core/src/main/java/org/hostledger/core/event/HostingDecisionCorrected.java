package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/** The decision was recorded wrongly; these are its right facts. The original event stays in the history. */
public record HostingDecisionCorrected(
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
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public LocalDate effectiveDate() {
        return decidedOn;
    }
}
