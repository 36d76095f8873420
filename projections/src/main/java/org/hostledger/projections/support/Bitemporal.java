package org.hostledger.projections.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The open ends of bitemporal rows, and the conversions the JDBC code shares. */
public final class Bitemporal {

    /** "Still true in the world" / "still believed": far enough to compare as later than any real date. */
    public static final LocalDate OPEN_DATE = LocalDate.of(9999, 12, 31);

    public static final Instant OPEN_INSTANT = Instant.parse("9999-12-31T00:00:00Z");

    public static final OffsetDateTime OPEN_TIMESTAMP = OffsetDateTime.ofInstant(OPEN_INSTANT, ZoneOffset.UTC);

    /** "As known now": later than any recorded instant, earlier than the open end, so only current beliefs match. */
    public static final Instant LATEST_KNOWLEDGE = OPEN_INSTANT.minusSeconds(86_400);

    private Bitemporal() {}

    public static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    public static LocalDate openToNull(LocalDate date) {
        return OPEN_DATE.equals(date) ? null : date;
    }
}
