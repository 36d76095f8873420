/**
 * Every command the ledger accepts, named in the imperative. Commands aimed at an existing record carry an optional
 * {@code expectedVersion}: when set, the command is refused if the record has moved on since the client read it.
 */
package org.hostledger.core.command;
