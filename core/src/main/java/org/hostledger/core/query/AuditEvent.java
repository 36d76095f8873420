package org.hostledger.core.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/**
 * One recorded event as the audit trail shows it: where it stands in the ledger, what it is about, both its times,
 * who recorded it, on what evidence, and its full payload as stored.
 *
 * @param position the global position (gap-free, from 1)
 * @param payload the stored JSON payload, verbatim
 */
public record AuditEvent(
        long position,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequence,
        String type,
        LocalDate effectiveOn,
        Instant recordedAt,
        String actor,
        String correlationId,
        List<SourceNote> sources,
        @JsonRawValue String payload) {}
