package org.hostledger.core.query;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.alert.AlertKind;

/** The answer to {@link ListAlertCandidates}. */
public record AlertCandidates(List<CertificateCandidate> certificates, List<DecisionCandidate> decisions) {

    /**
     * A certificate in use in a condition to alert about.
     *
     * @param occurredOn the end of validity (expiring), or the day of the suspension, withdrawal or delisting
     */
    public record CertificateCandidate(
            AlertKind kind,
            String certificationId,
            String hostId,
            LocalDate occurredOn,
            LocalDate validUntil,
            List<String> decisions) {}

    /**
     * A decision in force whose compliance is not what its latest compliance alert said.
     *
     * @param lastAlert the kind of the latest compliance alert recorded for it, or null
     * @param lastSequence that alert's occurrence number, 0 when none
     */
    public record DecisionCandidate(
            String decisionId,
            String hostId,
            ComplianceStatus compliance,
            List<Integer> uncoveredActivities,
            AlertKind lastAlert,
            int lastSequence) {}
}
