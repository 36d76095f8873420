package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;

/** Record that the host has a new ultimate parent (or none) from a date on. */
public record ChangeHostOwnership(
        @TargetAggregateIdentifier String hostId,
        String parentCompany,
        String parentCountry,
        LocalDate effectiveOn,
        String reason,
        List<SourceNote> sources,
        @TargetAggregateVersion Long expectedVersion)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return hostId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.HOST;
    }
}
