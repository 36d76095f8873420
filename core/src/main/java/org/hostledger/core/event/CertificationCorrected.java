package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** The grant was recorded wrongly; these are its right facts. The original event stays in the history. */
public record CertificationCorrected(
        String certificationId,
        String hostId,
        String referential,
        String certifier,
        List<Integer> activities,
        String scope,
        LocalDate validFrom,
        LocalDate validUntil,
        String reason,
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return certificationId;
    }

    @Override
    public LocalDate effectiveDate() {
        return validFrom;
    }
}
