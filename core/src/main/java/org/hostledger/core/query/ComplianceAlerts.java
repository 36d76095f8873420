package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The answer to {@link ListComplianceAlerts}. */
public record ComplianceAlerts(LocalDate asOf, Instant knownAt, List<Gap> gaps, List<Expiry> expiring) {

    /** A decision in force whose activities are not all covered on the date asked. */
    public record Gap(
            String decisionId,
            String controller,
            String system,
            String hostId,
            String hostName,
            ComplianceStatus compliance,
            List<Integer> uncoveredActivities) {}

    /** A valid certificate of a host that serves decisions in force, ending within 90 days of the date asked. */
    public record Expiry(
            String certificationId,
            String hostId,
            String hostName,
            LocalDate validUntil,
            long daysLeft,
            List<String> decisions) {}
}
