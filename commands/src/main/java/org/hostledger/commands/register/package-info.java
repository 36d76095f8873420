/**
 * Official registers as the ledger follows them: each entry of a register (one FedRAMP package, one HDS certificate)
 * and each register's imported snapshots. The rules: an entry's dates never go backwards, a snapshot is never older
 * than the latest one imported, and the same file is never imported twice.
 */
package org.hostledger.commands.register;
