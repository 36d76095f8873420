package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** Someone contested the decision: in parliament, in court, in the press; with the forum and outcome when known. */
public record HostingDecisionChallenged(
        String decisionId,
        String by,
        LocalDate effectiveOn,
        String argument,
        String forum,
        String outcome,
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
