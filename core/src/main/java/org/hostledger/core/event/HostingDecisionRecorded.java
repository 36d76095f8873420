package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/** A data controller put a system or data set on a host, for some activities, by some procurement route, for stated reasons. */
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
