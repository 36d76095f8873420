package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** The data left the host, possibly for the decision that supersedes this one. */
public record HostingDecisionEnded(
        String decisionId, LocalDate effectiveOn, String reason, String supersededBy, List<SourceNote> sources)
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
