package org.hostledger.api.web;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.hostledger.api.web.validation.LedgerDate;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.TimePoint;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Query parameters shared by every read: {@code asOf}, {@code knownAt}, paging, and the enum and number filters —
 * each checked, so that a bad one answers 400 naming the parameter.
 */
@Component
public class ReadParams {

    public static final int DEFAULT_SIZE = 20;

    private final Clock clock;
    private final ZoneId zone;

    public ReadParams(Clock clock, @Value("${hostledger.zone:Europe/Paris}") String zone) {
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /**
     * Without {@code knownAt}: as the ledger knows it now. {@code asOf} defaults to the day of {@code knownAt} when it
     * is given ("what did we know at the time, about that time"), to today otherwise.
     */
    public TimePoint timePoint(String asOf, String knownAt) {
        Instant known = knownAt == null || knownAt.isBlank() ? null : instant(knownAt);
        LocalDate date = asOf == null || asOf.isBlank()
                ? (known == null ? clock.instant() : known).atZone(zone).toLocalDate()
                : date(asOf, "asOf");
        return new TimePoint(date, known);
    }

    /** Today, in the zone where the ledger's "today" is decided. */
    public LocalDate today() {
        return clock.instant().atZone(zone).toLocalDate();
    }

    public boolean isPresent(String asOf, String knownAt) {
        return (asOf != null && !asOf.isBlank()) || (knownAt != null && !knownAt.isBlank());
    }

    public PageRequest page(String page, String size) {
        int p = integer(page, "page", 0);
        int s = integer(size, "size", DEFAULT_SIZE);
        if (p < 0 || p > 1_000_000) {
            throw FieldError.invalid("page", "must be between 0 and 1000000");
        }
        if (s < 1 || s > PageRequest.MAX_SIZE) {
            throw FieldError.invalid("size", "must be between 1 and " + PageRequest.MAX_SIZE);
        }
        return new PageRequest(p, s);
    }

    public <E extends Enum<E>> E enumValue(String value, Class<E> type, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldError.invalid(name, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    public Integer activity(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        int activity = integer(value, "activity", 0);
        if (activity < 1 || activity > 6) {
            throw FieldError.invalid("activity", "must be an HDS activity code from 1 to 6");
        }
        return activity;
    }

    public String id(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!org.hostledger.core.model.LedgerIds.isValid(value)) {
            throw FieldError.invalid(name, "must match " + org.hostledger.core.model.LedgerIds.PATTERN);
        }
        return value;
    }

    public String text(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 200) {
            throw FieldError.invalid(name, "must be at most 200 characters");
        }
        return value;
    }

    public static LocalDate date(String value, String name) {
        try {
            LocalDate date = LocalDate.parse(value.trim());
            if (date.isBefore(LedgerDate.EARLIEST) || date.isAfter(LedgerDate.LATEST)) {
                throw FieldError.invalid(name, "must be between 1900-01-01 and 2199-12-31");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw FieldError.invalid(name, "must be an ISO-8601 date such as 2020-06-02");
        }
    }

    public static Instant instant(String value) {
        String text = value.trim();
        try {
            Instant instant = text.length() == 10
                    ? LocalDate.parse(text)
                            .atStartOfDay(java.time.ZoneOffset.UTC)
                            .toInstant()
                    : OffsetDateTime.parse(text).toInstant();
            if (instant.isBefore(Instant.parse("1900-01-01T00:00:00Z"))
                    || instant.isAfter(Instant.parse("2199-12-31T23:59:59Z"))) {
                throw FieldError.invalid("knownAt", "must be between 1900 and 2199");
            }
            return instant;
        } catch (DateTimeException e) {
            throw FieldError.invalid(
                    "knownAt",
                    "must be an ISO-8601 instant such as 2021-01-01T00:00:00Z (or a date, read as 00:00 UTC)");
        }
    }

    private static int integer(String value, String name, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw FieldError.invalid(name, "must be a whole number");
        }
    }
}
