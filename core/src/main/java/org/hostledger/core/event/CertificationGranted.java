package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** A certification body granted a certificate to a host, for some activities, over a validity window. */
public record CertificationGranted(
        String certificationId,
        String hostId,
        String scheme,
        String referential,
        String certifier,
        List<Integer> activities,
        String scope,
        LocalDate validFrom,
        LocalDate validUntil,
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
