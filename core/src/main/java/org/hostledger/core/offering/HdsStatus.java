package org.hostledger.core.offering;

/** What the chain says of an actor's HDS certification. */
public enum HdsStatus {
    CERTIFIED,
    /** Exempted from certification, on a ground the chain must state. */
    EXEMPTED,
    NOT_CERTIFIED
}
