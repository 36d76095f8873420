package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.alert.AlertKind;

/**
 * The answer to {@link ListComplianceAlerts}: what holds on the date asked ({@code gaps}, {@code expiring}) and a page
 * of the alerts recorded as events ({@code items}).
 */
public record ComplianceAlerts(
        LocalDate asOf,
        Instant knownAt,
        List<Gap> gaps,
        List<Expiry> expiring,
        List<RecordedAlert> items,
        int page,
        int size,
        long totalItems) {

    /** A decision in force whose activities are not all covered on the date asked. */
    public record Gap(
            String decisionId,
            String controller,
            String system,
            String hostId,
            String hostName,
            ComplianceStatus compliance,
            List<Integer> uncoveredActivities) {}

    /** A valid certificate of a host that serves decisions in force, ending within the horizon of the date asked. */
    public record Expiry(
            String certificationId,
            String hostId,
            String hostName,
            LocalDate validUntil,
            long daysLeft,
            List<String> decisions) {}

    /** An alert recorded by the alert job (event {@code AlertRecorded}), with when the ledger recorded it. */
    public record RecordedAlert(
            String alertId,
            AlertKind kind,
            String recordId,
            String hostId,
            String occurrence,
            List<String> decisions,
            LocalDate validUntil,
            List<Integer> uncoveredActivities,
            LocalDate effectiveOn,
            Instant recordedAt,
            long position) {}
}
