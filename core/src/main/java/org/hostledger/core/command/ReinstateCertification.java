package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.hostledger.core.model.SourceNote;

/** Record that a suspended certificate is in force again. */
public record ReinstateCertification(
        @TargetAggregateIdentifier String certificationId,
        LocalDate effectiveOn,
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
