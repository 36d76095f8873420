package org.hostledger.projections.hostingmap;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.hostledger.projections.support.Change;

/** A challenge, migration plan, ending or correction as kept in {@code rm_decision_event}. */
record DecisionChange(Kind kind, LocalDate effectiveOn, long seq, String reason, String supersededBy)
        implements Change {

    /** The stored {@code kind}: each name is the column's value. */
    enum Kind {
        CHALLENGED,
        MIGRATION_PLANNED,
        ENDED,
        CORRECTED;

        /** Whether facts of this kind change the decision's status, so that its timeline is folded from them. */
        boolean changesStatus() {
            return switch (this) {
                case MIGRATION_PLANNED, ENDED -> true;
                // A challenge leaves the decision in force; a correction rewrote the base the timeline starts from.
                case CHALLENGED, CORRECTED -> false;
            };
        }
    }

    /** The SQL list of the kinds a timeline is folded from, for {@code kind IN (…)}. */
    static final String STATUS_KINDS = Arrays.stream(Kind.values())
            .filter(Kind::changesStatus)
            .map(kind -> "'" + kind.name() + "'")
            .collect(Collectors.joining(", "));

    DecisionState applyTo(DecisionState state) {
        return switch (kind) {
            case MIGRATION_PLANNED -> state.migrating();
            case ENDED -> state.ended(effectiveOn, reason, supersededBy);
            case CHALLENGED, CORRECTED -> state;
        };
    }
}
