package org.hostledger.core.event;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.alert.AlertKind;
import org.hostledger.core.model.SourceNote;

/**
 * The alert job saw something a watcher must hear about: a certificate in use that expires soon, is suspended,
 * withdrawn or delisted, or a decision whose compliance became GAP or NOT_CERTIFIED (or COVERED again).
 *
 * @param alertKey the alert's own record id (see {@code AlertKeys}): one per kind, record and occurrence
 * @param recordId the certificate or decision the alert is about
 * @param hostId the host of that certificate or decision
 * @param occurrence what makes this occurrence distinct: a date for a certificate, a sequence number for a decision
 * @param decisions the decisions in force concerned (for a certificate: those its host serves)
 * @param validUntil a certificate's end of validity, when known
 * @param uncoveredActivities a decision's activities not covered, for GAP and NOT_CERTIFIED
 * @param effectiveOn the day the condition held (an expiry's detection, a suspension's own date)
 */
public record AlertRecorded(
        String alertKey,
        AlertKind kind,
        String recordId,
        String hostId,
        String occurrence,
        List<String> decisions,
        LocalDate validUntil,
        List<Integer> uncoveredActivities,
        LocalDate effectiveOn,
        List<SourceNote> sources)
        implements LedgerEvent {

    @Override
    public String aggregateId() {
        return alertKey;
    }

    @Override
    public String subjectId() {
        return recordId;
    }

    @Override
    public LocalDate effectiveDate() {
        return effectiveOn;
    }
}
