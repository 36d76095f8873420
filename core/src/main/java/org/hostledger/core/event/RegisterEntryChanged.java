package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.SourceNote;

/**
 * A listed entry's status, level, assessor, name or provider changed between two snapshots.
 *
 * @param fields the names of the facts that differ ({@code status}, {@code level}, …)
 */
public record RegisterEntryChanged(
        String entryKey,
        RegisterCitation citation,
        String entryId,
        RegisterEntryFacts before,
        RegisterEntryFacts after,
        List<String> fields,
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
