package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One entry of a register as it stood: {@code status} and {@code level} are the register's words, verbatim;
 * {@code stage} is the status read against the scheme, null when the word is unknown. {@code lastSeenIn} is the
 * publication of the latest snapshot that listed it.
 */
public record RegisterEntryView(
        String entryId,
        String certificationId,
        String hostId,
        String name,
        String provider,
        String status,
        String stage,
        String level,
        String assessor,
        boolean listed,
        LocalDate firstListedOn,
        Instant lastSeenIn) {}
