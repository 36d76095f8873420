package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.SourceNote;

/** Record that the host no longer publishes an offering. */
public record RemoveOffering(
        @TargetAggregateIdentifier String offeringId,
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
}
