package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.SourceNote;

/** Record a certificate granted to a registered host. */
public record GrantCertification(
        @TargetAggregateIdentifier String certificationId,
        String hostId,
        String scheme,
        String referential,
        String certifier,
        List<Integer> activities,
        String scope,
        LocalDate validFrom,
        LocalDate validUntil,
        List<SourceNote> sources)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return certificationId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.CERTIFICATION;
    }

    @Override
    public boolean createsRecord() {
        return true;
    }
}
