package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** A hosting company entered the ledger, with the country of its ultimate parent when it has one. */
public record HostRegistered(
        String hostId,
        String name,
        String country,
        String parentCompany,
        String parentCountry,
        LocalDate effectiveOn,
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
