package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** The certificate's validity was extended; {@code referential} is the referential of the renewal audit, or null when unchanged. */
public record CertificationRenewed(
        String certificationId,
        LocalDate validUntil,
        String referential,
        LocalDate effectiveOn,
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
