package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/**
 * What every recorded fact has: the record it belongs to, when it happened in the world (its effective date; the
 * event's own timestamp is when the ledger learned it), and the evidence.
 */
public interface LedgerEvent {

    String aggregateId();

    /** The record a watcher follows for this fact: its own record, unless it is about another (an alert). */
    default String subjectId() {
        return aggregateId();
    }

    /** When it happened in the world. */
    LocalDate effectiveDate();

    List<SourceNote> sources();
}
