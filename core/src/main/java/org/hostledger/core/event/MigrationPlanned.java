package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** A move off the host was announced: to a host of the ledger, or to a target only described in words, by a date. */
public record MigrationPlanned(
        String decisionId,
        String targetHostId,
        String target,
        LocalDate targetDate,
        LocalDate effectiveOn,
        String rationale,
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
