package org.hostledger.projections.registry;

import java.time.LocalDate;
import org.hostledger.projections.support.Change;

/**
 * A dated fact about a host or a certificate after its creation, as kept in the change tables. Fields that a kind
 * does not use are null.
 */
record RegistryChange(
        String kind,
        LocalDate effectiveOn,
        long seq,
        String parentCompany,
        String parentCountry,
        LocalDate validUntil,
        String referential,
        String activities)
        implements Change {

    static final String OWNERSHIP_CHANGED = "OWNERSHIP_CHANGED";
    static final String CORRECTED = "CORRECTED";
    static final String SUSPENDED = "SUSPENDED";
    static final String REINSTATED = "REINSTATED";
    static final String WITHDRAWN = "WITHDRAWN";
    static final String RENEWED = "RENEWED";
    static final String SCOPE_CHANGED = "SCOPE_CHANGED";

    HostState applyTo(HostState state) {
        return OWNERSHIP_CHANGED.equals(kind) ? state.withParent(parentCompany, parentCountry) : state;
    }

    CertState applyTo(CertState state) {
        return switch (kind) {
            case SUSPENDED -> state.withStatus("SUSPENDED");
            case REINSTATED -> state.withStatus("VALID");
            case WITHDRAWN -> state.withStatus("WITHDRAWN");
            case RENEWED -> state.renewed(validUntil, referential);
            case SCOPE_CHANGED -> state.rescoped(activities);
            default -> state;
        };
    }
}
