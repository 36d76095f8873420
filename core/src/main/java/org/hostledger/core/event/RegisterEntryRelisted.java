package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.SourceNote;

/** A delisted entry is back in a register's snapshot, with what the register now says about it. */
public record RegisterEntryRelisted(
        String entryKey,
        RegisterCitation citation,
        String entryId,
        RegisterEntryFacts facts,
        LocalDate effectiveOn,
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return entryKey;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
