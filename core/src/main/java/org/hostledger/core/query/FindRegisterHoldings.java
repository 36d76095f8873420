package org.hostledger.core.query;

/**
 * What the ledger currently holds for a register, for the importer to diff a new snapshot against, and what it
 * already recorded citing the snapshot {@code sha256} (the part of an import a crash interrupted).
 */
public record FindRegisterHoldings(String register, String sha256) {}
