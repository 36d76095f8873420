package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;

/**
 * Record an offering and its chain as published: added the first time ({@code newOffering}), changed afterwards, added
 * again after a removal.
 */
public record RecordOffering(
        @TargetAggregateIdentifier String offeringId,
        boolean newOffering,
        String hostId,
        String publisher,
        String name,
        List<ChainActor> chain,
        LocalDate effectiveOn,
        List<SourceNote> sources,
        RegisterCitation citation)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return offeringId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.OFFERING;
    }

    /** True for an offering the ledger does not hold yet: the command creates it. */
    @Override
    public boolean createsRecord() {
        return newOffering;
    }
}
