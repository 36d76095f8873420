package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.SourceNote;

/** An entry appeared for the first time in a register's snapshot. */
public record RegisterEntryListed(
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
