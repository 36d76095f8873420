package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The two times of a question: the world on {@code asOf}, as the ledger knew it at {@code knownAt}.
 */
public record TimePoint(LocalDate asOf, Instant knownAt) {

    public TimePoint {
        if (asOf == null || knownAt == null) {
            throw new IllegalArgumentException("a time point needs both asOf and knownAt");
        }
    }
}
