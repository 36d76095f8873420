package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.CertificateKind;
import org.hostledger.core.model.SourceNote;

/**
 * A certificate on the date asked, as the official list shows it: certifier, validity, the flags of activities 1 to
 * 6, kind, referential and status; with the lifecycle changes known then (for one certificate: the latest 200 of
 * {@code changeCount}; in lists neither).
 */
public record CertificationView(
        String id,
        String hostId,
        String hostName,
        String scheme,
        String referential,
        String certifier,
        List<Integer> activities,
        ActivityFlags activityFlags,
        CertificateKind kind,
        String scope,
        LocalDate validFrom,
        LocalDate validUntil,
        CertificationStatus status,
        List<SourceNote> sources,
        List<Change> changes,
        Integer changeCount,
        List<Correction> corrections,
        long version) {

    /** One flag per HDS activity, as the columns of the official list. */
    public record ActivityFlags(boolean a1, boolean a2, boolean a3, boolean a4, boolean a5, boolean a6) {

        public static ActivityFlags of(List<Integer> activities) {
            return new ActivityFlags(
                    activities.contains(1),
                    activities.contains(2),
                    activities.contains(3),
                    activities.contains(4),
                    activities.contains(5),
                    activities.contains(6));
        }
    }

    /** A suspension, reinstatement, withdrawal, renewal or scope change. */
    public record Change(
            String kind,
            LocalDate effectiveOn,
            Instant recordedAt,
            LocalDate validUntil,
            String referential,
            List<Integer> activities,
            String reason,
            List<SourceNote> sources) {}
}
