package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;

/** Record an announced move off the host. */
public record PlanMigration(
        @TargetAggregateIdentifier String decisionId,
        String targetHostId,
        String target,
        LocalDate targetDate,
        LocalDate effectiveOn,
        String rationale,
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
