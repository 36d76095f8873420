package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.SourceNote;

/** Enter a hosting company, with its country and its ultimate parent's. */
public record RegisterHost(
        @TargetAggregateIdentifier String hostId,
        String name,
        String country,
        String parentCompany,
        String parentCountry,
        LocalDate effectiveOn,
        List<SourceNote> sources)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return hostId;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.HOST;
    }

    @Override
    public boolean createsRecord() {
        return true;
    }
}
