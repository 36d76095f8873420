package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** The certificate no longer covers anything until it is reinstated. */
public record CertificationSuspended(
        String certificationId, LocalDate effectiveOn, String reason, List<SourceNote> sources) implements LedgerEvent {

    @Override
    public String aggregateId() {
        return certificationId;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
