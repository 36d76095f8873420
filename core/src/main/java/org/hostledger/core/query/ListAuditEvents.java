package org.hostledger.core.query;

import java.time.Instant;

/**
 * A page of the audit trail: every recorded event in global order, after position {@code after} (a cursor: pass the
 * previous page's {@code nextAfter}), matching the optional filters, at most {@code limit} events.
 *
 * @param aggregateType "Host", "Certification" or "HostingDecision"
 * @param type the event's simple name, such as "CertificationSuspended"
 * @param actor who recorded it
 * @param recordedFrom inclusive lower bound of the recorded time
 * @param recordedTo exclusive upper bound of the recorded time
 */
public record ListAuditEvents(
        String aggregateId,
        String aggregateType,
        String type,
        String actor,
        Instant recordedFrom,
        Instant recordedTo,
        long after,
        int limit) {

    public static final int MAX_LIMIT = 1000;

    public static ListAuditEvents of(String aggregateType, String aggregateId) {
        return new ListAuditEvents(aggregateId, aggregateType, null, null, null, null, 0, MAX_LIMIT);
    }
}
