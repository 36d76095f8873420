/**
 * The command side: the Host, Certification and HostingDecision aggregates, which decide whether a command holds and
 * record events, and the command-side lookups they need for rules that span records.
 *
 * <p>Command handlers on existing records return the record's version after the change, which the REST layer
 * hands out as an ETag. Depends on {@code core} only. Never reads a projection: a rule that needs another record asks
 * {@link org.hostledger.commands.lookup.KnownRecords}, which answers from the event store itself.
 */
package org.hostledger.commands;
