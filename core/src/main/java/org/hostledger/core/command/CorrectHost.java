package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;

/** Fix the registration's facts. Null leaves a field as it is; an empty text clears an optional one. */
public record CorrectHost(
        @TargetAggregateIdentifier String hostId,
        String name,
        String country,
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
