package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterFinding;
import org.hostledger.core.model.SourceNote;

/**
 * A register's snapshot is fully in the ledger: every difference it showed is recorded before this event, so "the
 * snapshot is imported" means exactly that this event exists.
 *
 * @param entries the entries the snapshot lists
 * @param changes how many events of each kind the import recorded ({@code listed}, {@code changed}, …)
 * @param findings the snapshot's values that could not be read as what their field says
 */
public record RegisterSnapshotImported(
        String registerKey,
        RegisterCitation citation,
        int entries,
        Map<String, Integer> changes,
        List<RegisterFinding> findings,
        LocalDate effectiveOn,
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return registerKey;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
