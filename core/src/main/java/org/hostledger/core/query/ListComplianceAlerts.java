package org.hostledger.core.query;

/**
 * Decisions in force with a compliance gap and certificates in use that expire within {@code horizonDays}, computed
 * for the date asked; and the alerts the alert job recorded (a page of them, optionally of one {@code kind}, host or
 * record), effective by that date and known at that instant.
 */
public record ListComplianceAlerts(
        TimePoint at, int horizonDays, PageRequest page, String kind, String hostId, String recordId) {

    public static final int DEFAULT_HORIZON_DAYS = 90;

    public ListComplianceAlerts(TimePoint at) {
        this(at, DEFAULT_HORIZON_DAYS, new PageRequest(0, 50), null, null, null);
    }
}
