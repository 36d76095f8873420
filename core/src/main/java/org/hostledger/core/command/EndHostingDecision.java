package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;

/** Record that the data left the host. */
public record EndHostingDecision(
        @TargetAggregateIdentifier String decisionId,
        LocalDate effectiveOn,
        String reason,
        String supersededBy,
        List<SourceNote> sources,
        @TargetAggregateVersion Long expectedVersion)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return decisionId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.DECISION;
    }
}
