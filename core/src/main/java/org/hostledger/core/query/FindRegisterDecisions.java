package org.hostledger.core.query;

/**
 * The hosting decisions recorded as agency authorizations of a register's entries (FedRAMP), as the ledger holds them
 * now: what an import diffs the snapshot's agency authorizations against.
 */
public record FindRegisterDecisions(String register) {}
