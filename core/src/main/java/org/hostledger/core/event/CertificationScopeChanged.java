package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** The certificate covers another set of activities from the effective date on. */
public record CertificationScopeChanged(
        String certificationId,
        List<Integer> activities,
        LocalDate effectiveOn,
        String reason,
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return certificationId;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
