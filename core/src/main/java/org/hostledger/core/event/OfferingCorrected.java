package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;

/**
 * The chain recorded from {@code effectiveOn} (the offering's latest change) was wrong; this is what it was. The
 * recorded events stay; reads known after the correction see the corrected chain.
 */
public record OfferingCorrected(
        String offeringId, List<ChainActor> chain, LocalDate effectiveOn, String reason, List<SourceNote> sources)
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
