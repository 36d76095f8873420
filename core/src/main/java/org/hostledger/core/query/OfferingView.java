package org.hostledger.core.query;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;

/**
 * An offering as it stood on the date asked: its host (the ledger's, when the publisher is one), the chain behind it,
 * since when this chain holds, and the evidence.
 */
public record OfferingView(
        String id,
        String hostId,
        String publisher,
        String name,
        String register,
        boolean published,
        LocalDate since,
        List<ChainActor> chain,
        List<SourceNote> sources) {}
