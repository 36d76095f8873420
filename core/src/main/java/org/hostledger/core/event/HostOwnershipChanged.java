package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** The host changed hands: a new ultimate parent (or none) from the effective date on. */
public record HostOwnershipChanged(
        String hostId,
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
