package org.hostledger.core.query;

/** Where a hosting decision stands on the date asked. */
public enum DecisionStatus {
    /** In force, no migration announced. */
    ACTIVE,
    /** In force, a migration off the host announced. */
    MIGRATING,
    /** The data left the host. */
    ENDED
}
