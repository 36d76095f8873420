package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Revision;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/**
 * The decision was recorded wrongly; these are its right facts. The original event stays in the history.
 *
 * <p>Revision 2 adds {@code offeringId}: the offering the decision relies on after the correction, or null when the
 * correction leaves the offering as it was. Revision 1 (stored without a revision) could not change the offering, so
 * its events read with a null {@code offeringId} mean exactly that (see
 * {@link org.hostledger.core.event.upcasting.HostingDecisionCorrectedUpcaster}).
 */
@Revision("2")
public record HostingDecisionCorrected(
        String decisionId,
        String controller,
        String system,
        String hostId,
        List<Integer> activities,
        LocalDate decidedOn,
        ProcurementRoute procurement,
        String contractor,
        String rationale,
        List<String> alternatives,
        String reason,
        List<SourceNote> sources,
        String offeringId)
        implements LedgerEvent {

    /** A correction that leaves the decision's offering as it was. */
    public HostingDecisionCorrected(
            String decisionId,
            String controller,
            String system,
            String hostId,
            List<Integer> activities,
            LocalDate decidedOn,
            ProcurementRoute procurement,
            String contractor,
            String rationale,
            List<String> alternatives,
            String reason,
            List<SourceNote> sources) {
        this(
                decisionId,
                controller,
                system,
                hostId,
                activities,
                decidedOn,
                procurement,
                contractor,
                rationale,
                alternatives,
                reason,
                sources,
                null);
    }

    @Override
    public String aggregateId() {
        return decisionId;
    }

    @Override
    public LocalDate effectiveDate() {
        return decidedOn;
    }
}
