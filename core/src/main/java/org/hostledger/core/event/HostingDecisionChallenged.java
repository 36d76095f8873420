package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.hostledger.core.model.SourceNote;

/**
 * Someone contested the decision: in parliament, in court, in the press; with the forum and outcome when known.
 *
 * <p>Revision 2 names who challenged {@code challenger}; revision 1 (stored without a revision) called it {@code by},
 * and is read through {@link org.hostledger.core.event.upcasting.HostingDecisionChallengedUpcaster}.
 */
@Revision("2")
public record HostingDecisionChallenged(
        String decisionId,
        String challenger,
        LocalDate effectiveOn,
        String argument,
        String forum,
        String outcome,
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
