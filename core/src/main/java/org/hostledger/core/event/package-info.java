/**
 * Every fact the ledger can record, named in the past tense. Listing this package is reading the ledger's whole
 * vocabulary. Events are never edited or deleted: mistakes are fixed by the {@code …Corrected} events.
 */
package org.hostledger.core.event;
