package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The two times of a question: the world on {@code asOf}, as the ledger knew it at {@code knownAt} — or, when
 * {@code knownAt} is null, as the ledger knows it now (everything recorded so far).
 */
public record TimePoint(LocalDate asOf, Instant knownAt) {

    public TimePoint {
        if (asOf == null) {
            throw new IllegalArgumentException("a time point needs an asOf date");
        }
    }

    /** The world on {@code asOf} as the ledger knows it now. */
    public static TimePoint asKnownNow(LocalDate asOf) {
        return new TimePoint(asOf, null);
    }

    public boolean isLatestKnowledge() {
        return knownAt == null;
    }
}
