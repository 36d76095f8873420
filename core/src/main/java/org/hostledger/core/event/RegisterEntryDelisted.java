package org.hostledger.core.event;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.SourceNote;

/**
 * A listed entry is absent from a register's snapshot.
 *
 * @param lastSeenIn the publication of the latest snapshot that still listed it
 */
public record RegisterEntryDelisted(
        String entryKey,
        RegisterCitation citation,
        String entryId,
        Instant lastSeenIn,
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
