package org.hostledger.core.command;

import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;

/**
 * Record what a register's snapshot says about one entry that differs from what the ledger holds: a first listing
 * ({@code first}), a relisting, or changed facts.
 */
public record RecordRegisterEntry(
        @TargetAggregateIdentifier String entryKey,
        boolean first,
        RegisterCitation citation,
        String entryId,
        RegisterEntryFacts facts,
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

    @Override
    public boolean createsRecord() {
        return first;
    }
}
