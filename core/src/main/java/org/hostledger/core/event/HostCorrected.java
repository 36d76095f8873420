package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** The registration was recorded wrongly; these are its right facts. The original event stays in the history. */
public record HostCorrected(
        String hostId,
        String name,
        String country,
        String parentCompany,
        String parentCountry,
        LocalDate effectiveOn,
        String reason,
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return hostId;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
