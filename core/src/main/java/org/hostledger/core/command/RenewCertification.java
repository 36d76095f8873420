package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;

/** Record a renewal: the validity is extended to a later date, possibly on a newer referential. */
public record RenewCertification(
        @TargetAggregateIdentifier String certificationId,
        LocalDate validUntil,
        String referential,
        LocalDate effectiveOn,
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
