package org.hostledger.api.audit;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.model.LedgerIds;
import org.hostledger.core.query.ListAuditEvents;

/**
 * The audit trail's filters as a query string gives them, read the same way by the API and by the audit page: a value
 * that does not hold is a 400 naming its field.
 */
public record AuditParams(
        String aggregateId,
        String aggregateType,
        String type,
        String actor,
        String recordedFrom,
        String recordedTo,
        String after,
        String limit) {

    /** The aggregate types a filter may name, in the order forms offer them. */
    public static final List<String> AGGREGATE_TYPES =
            Arrays.stream(RecordKind.values()).map(RecordKind::aggregateType).toList();

    /** The query these filters ask for, of at most {@code limit} events. */
    public ListAuditEvents query(int limit) {
        if (!blank(aggregateId) && !LedgerIds.isValid(aggregateId)) {
            throw FieldError.invalid("aggregateId", "must match " + LedgerIds.PATTERN);
        }
        if (!blank(aggregateType) && !AGGREGATE_TYPES.contains(aggregateType)) {
            throw FieldError.invalid("aggregateType", "must be one of " + AGGREGATE_TYPES);
        }
        if (!blank(type) && !type.matches("[A-Z][A-Za-z]{1,63}")) {
            throw FieldError.invalid("type", "must be an event name such as CertificationSuspended");
        }
        if (actor != null && actor.length() > 200) {
            throw FieldError.invalid("actor", "must be at most 200 characters");
        }
        Instant from = instant(recordedFrom, "recordedFrom");
        Instant to = instant(recordedTo, "recordedTo");
        if (from != null && to != null && !from.isBefore(to)) {
            throw FieldError.invalid("recordedTo", "must be after recordedFrom");
        }
        return new ListAuditEvents(
                blankToNull(aggregateId),
                blankToNull(aggregateType),
                blankToNull(type),
                blankToNull(actor),
                from,
                to,
                number(after, "after", 0, 0, Long.MAX_VALUE),
                limit);
    }

    /** The limit asked: {@code fallback} when none, otherwise from 1 to {@code max}. */
    public long limit(long fallback, long max) {
        return number(limit, "limit", fallback, 1, max);
    }

    private static long number(String value, String name, long fallback, long min, long max) {
        if (blank(value)) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw FieldError.invalid(name, "must be a whole number from " + min + " to " + max);
    }

    private static Instant instant(String value, String name) {
        if (blank(value)) {
            return null;
        }
        try {
            return ReadParams.instant(value);
        } catch (FieldError e) {
            // ReadParams names its instants knownAt; these fields have their own names.
            throw FieldError.invalid(name, "must be an ISO-8601 instant such as 2021-01-01T00:00:00Z or a date");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String blankToNull(String value) {
        return blank(value) ? null : value;
    }
}
