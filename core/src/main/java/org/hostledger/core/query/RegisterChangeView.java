package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One difference between two snapshots: {@code kind} is {@code LISTED}, {@code DELISTED}, {@code RELISTED} or the
 * changed field ({@code STATUS}, {@code LEVEL}, {@code ASSESSOR}, {@code NAME}, {@code PROVIDER}).
 */
public record RegisterChangeView(
        String entryId,
        String kind,
        String before,
        String after,
        LocalDate effectiveOn,
        Instant publishedAt,
        String sha256,
        Instant recordedAt,
        long position) {}
