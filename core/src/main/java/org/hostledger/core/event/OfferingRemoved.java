package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.SourceNote;

/** The host no longer publishes the offering. */
public record OfferingRemoved(
        String offeringId, LocalDate effectiveOn, List<SourceNote> sources, RegisterCitation citation)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return offeringId;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
