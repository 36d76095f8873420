/**
 * How events stored in an older shape are read: one Axon {@code SingleEventUpcaster} per change of an event, on the
 * payload's JSON tree, from the revision stored to the next one. The stored rows are never rewritten (the hash chain and
 * the Merkle tree cover their bytes); the upcasters change what is read, never what is kept. {@link
 * org.hostledger.core.event.upcasting.LedgerUpcasters#all()} lists them in the order they apply.
 */
package org.hostledger.core.event.upcasting;
