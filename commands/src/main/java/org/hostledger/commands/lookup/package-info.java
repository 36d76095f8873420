/** Command-side lookups: what the ledger holds, answered from the event store for rules that span records. */
package org.hostledger.commands.lookup;
