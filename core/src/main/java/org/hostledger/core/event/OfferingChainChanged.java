package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;

/**
 * The chain behind an offering changed: actors added, removed, or their answers changed (each named).
 */
public record OfferingChainChanged(
        String offeringId,
        List<ChainActor> chain,
        List<String> added,
        List<String> removed,
        List<String> changed,
        LocalDate effectiveOn,
        List<SourceNote> sources,
        RegisterCitation citation)
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
