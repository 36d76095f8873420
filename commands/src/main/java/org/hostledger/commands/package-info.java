/**
 * The command side: the Host, Certification and HostingDecision aggregates, which decide whether a command holds and
 * record events, and the command-side lookups they need for rules that span records.
 *
 * <p>Depends on {@code core} only. Never reads a projection: a rule that needs another record asks
 * {@link org.hostledger.commands.lookup.KnownRecords}, which answers from the event store itself.
 */
package org.hostledger.commands;
