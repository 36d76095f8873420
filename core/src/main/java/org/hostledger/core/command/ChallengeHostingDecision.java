package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;

/** Record a challenge to a decision, dated no later than its end. */
public record ChallengeHostingDecision(
        @TargetAggregateIdentifier String decisionId,
        String by,
        LocalDate effectiveOn,
        String argument,
        String forum,
        String outcome,
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
