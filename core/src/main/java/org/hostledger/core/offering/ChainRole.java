package org.hostledger.core.offering;

/** An actor's role in an offering's hosting chain. */
public enum ChainRole {
    HOST,
    SUBCONTRACTOR;

    public String label() {
        return this == HOST ? "host" : "subcontractor";
    }
}
