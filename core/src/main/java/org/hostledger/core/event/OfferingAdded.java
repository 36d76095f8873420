package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;

/**
 * A host published an offering and the chain behind it (again, after a removal, when {@code again}).
 *
 * @param hostId the ledger's host when the publisher is one, else null
 * @param publisher the host's name as published
 * @param citation the transfer map it was read from, when imported
 */
public record OfferingAdded(
        String offeringId,
        String hostId,
        String publisher,
        String name,
        List<ChainActor> chain,
        boolean again,
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
