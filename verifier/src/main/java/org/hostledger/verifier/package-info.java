/**
 * The offline verifier: a command-line tool, no Spring and no network, that checks what the ledger publishes with the
 * rules of {@code org.hostledger.core.merkle} and {@code org.hostledger.core.note}. It must never need the ledger's
 * own code beyond those two packages.
 */
package org.hostledger.verifier;
