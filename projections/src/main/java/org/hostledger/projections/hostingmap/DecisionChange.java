package org.hostledger.projections.hostingmap;

import java.time.LocalDate;
import org.hostledger.projections.support.Change;

/** A challenge, migration plan, ending or correction as kept in {@code rm_decision_event}. */
record DecisionChange(String kind, LocalDate effectiveOn, long seq, String reason, String supersededBy)
        implements Change {

    static final String CHALLENGED = "CHALLENGED";
    static final String MIGRATION_PLANNED = "MIGRATION_PLANNED";
    static final String ENDED = "ENDED";
    static final String CORRECTED = "CORRECTED";

    DecisionState applyTo(DecisionState state) {
        return switch (kind) {
            case MIGRATION_PLANNED -> state.migrating();
            case ENDED -> state.ended(effectiveOn, reason, supersededBy);
            default -> state;
        };
    }
}
