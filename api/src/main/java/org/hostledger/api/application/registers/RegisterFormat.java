package org.hostledger.api.application.registers;

/** The formats a register's snapshots are read in. */
public enum RegisterFormat {
    /** The FedRAMP Marketplace's {@code data.json}. */
    FEDRAMP_JSON,
    /** The documented CSV with the ANS list's columns (see the README). */
    REGISTER_CSV,
    /** An HDS v2 transfer map (requirements 29-30): offerings and the chain behind each (see the README). */
    TRANSFER_MAP_CSV
}
