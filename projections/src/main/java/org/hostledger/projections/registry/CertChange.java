package org.hostledger.projections.registry;

import java.time.LocalDate;
import org.hostledger.projections.support.Change;

/**
 * A dated fact about a certificate after its grant, as kept in {@code rm_cert_change}. Fields that a kind does not use
 * are null.
 */
record CertChange(
        Kind kind, LocalDate effectiveOn, long seq, LocalDate validUntil, String referential, String activities)
        implements Change {

    /** The stored {@code kind}: each name is the column's value. */
    enum Kind {
        SUSPENDED,
        REINSTATED,
        WITHDRAWN,
        RENEWED,
        SCOPE_CHANGED,
        CORRECTED
    }

    CertState applyTo(CertState state) {
        return switch (kind) {
            case SUSPENDED -> state.withStatus(CertStatus.SUSPENDED);
            case REINSTATED -> state.withStatus(CertStatus.VALID);
            case WITHDRAWN -> state.withStatus(CertStatus.WITHDRAWN);
            case RENEWED -> state.renewed(validUntil, referential);
            case SCOPE_CHANGED -> state.rescoped(activities);
            // A correction rewrote the base the timeline is folded from; from its date on it changes nothing more.
            case CORRECTED -> state;
        };
    }
}
