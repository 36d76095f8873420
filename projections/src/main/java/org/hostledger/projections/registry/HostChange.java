package org.hostledger.projections.registry;

import java.time.LocalDate;
import org.hostledger.projections.support.Change;

/** A dated fact about a host after its registration, as kept in {@code rm_host_change}; the parent is the new one. */
record HostChange(Kind kind, LocalDate effectiveOn, long seq, String parentCompany, String parentCountry)
        implements Change {

    /** The stored {@code kind}: each name is the column's value. */
    enum Kind {
        OWNERSHIP_CHANGED,
        CORRECTED
    }

    HostState applyTo(HostState state) {
        return switch (kind) {
            case OWNERSHIP_CHANGED -> state.withParent(parentCompany, parentCountry);
            // A correction rewrote the base the timeline is folded from; from its date on it changes nothing more.
            case CORRECTED -> state;
        };
    }
}
