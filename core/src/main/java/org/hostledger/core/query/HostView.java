package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.model.SourceNote;

/** A host on the date asked: its parent, its exposure, its certificates, and the dated changes behind them. */
public record HostView(
        String id,
        String name,
        String country,
        String parentCompany,
        String parentCountry,
        Exposure exposure,
        LocalDate registeredOn,
        List<SourceNote> sources,
        List<OwnershipChange> ownershipChanges,
        List<Correction> corrections,
        List<CertificationView> certifications,
        long version) {

    public record OwnershipChange(
            LocalDate effectiveOn,
            Instant recordedAt,
            String parentCompany,
            String parentCountry,
            String reason,
            List<SourceNote> sources) {}
}
