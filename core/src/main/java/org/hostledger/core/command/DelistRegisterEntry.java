package org.hostledger.core.command;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.RegisterCitation;

/** Record that a listed entry is absent from a register's snapshot. */
public record DelistRegisterEntry(
        @TargetAggregateIdentifier String entryKey,
        RegisterCitation citation,
        Instant lastSeenIn,
        LocalDate effectiveOn)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return entryKey;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.REGISTER_ENTRY;
    }
}
