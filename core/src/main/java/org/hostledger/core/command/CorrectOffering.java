package org.hostledger.core.command;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;

/** Fix the chain recorded by an offering's latest change, with a reason. */
public record CorrectOffering(
        @TargetAggregateIdentifier String offeringId,
        List<ChainActor> chain,
        String reason,
        List<SourceNote> sources,
        @TargetAggregateVersion Long expectedVersion)
        implements LedgerCommand {

    /** A correction applied to whatever version the offering has reached. */
    public CorrectOffering(String offeringId, List<ChainActor> chain, String reason, List<SourceNote> sources) {
        this(offeringId, chain, reason, sources, null);
    }

    @Override
    public String targetId() {
        return offeringId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.OFFERING;
    }
}
