package org.hostledger.core.query;

import org.hostledger.core.model.Exposure;

/**
 * The hosting map read by keyset: the same filters as {@link ListDecisions}, in the same order (by decision id), the
 * {@code size} decisions whose id comes after {@code after} (null: from the first). Nothing is counted, and a decision
 * recorded or ended between two reads neither shifts nor repeats the ones after it, as an offset would.
 */
public record ListDecisionsAfter(
        String hostId,
        String controller,
        DecisionStatus status,
        ComplianceStatus compliance,
        Exposure exposure,
        String q,
        TimePoint at,
        String after,
        int size) {

    public ListDecisionsAfter {
        if (size < 1 || size > PageRequest.MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + PageRequest.MAX_SIZE);
        }
    }

    /** The same question as {@code list}, read by keyset from after {@code after}. */
    public static ListDecisionsAfter of(ListDecisions list, String after, int size) {
        return new ListDecisionsAfter(
                list.hostId(),
                list.controller(),
                list.status(),
                list.compliance(),
                list.exposure(),
                list.q(),
                list.at(),
                after,
                size);
    }
}
