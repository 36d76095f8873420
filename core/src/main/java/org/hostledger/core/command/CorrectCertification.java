package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;

/** Fix the grant's facts. Null leaves a field as it is; an empty text clears an optional one. */
public record CorrectCertification(
        @TargetAggregateIdentifier String certificationId,
        String hostId,
        String referential,
        String certifier,
        List<Integer> activities,
        String scope,
        LocalDate validFrom,
        LocalDate validUntil,
        String reason,
        List<SourceNote> sources,
        @TargetAggregateVersion Long expectedVersion)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return certificationId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.CERTIFICATION;
    }
}
