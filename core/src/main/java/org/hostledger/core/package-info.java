/**
 * The published language of HostLedger: identifiers, value objects, and every command, event and query record
 * that the command side and the projections exchange.
 *
 * <p>Owns the vocabulary and nothing else: no Spring, no persistence, no I/O. The only framework types allowed are
 * Axon's messaging and modelling annotations and Jackson's annotations, so that {@code commands} and
 * {@code projections} can meet here without ever seeing each other.
 */
package org.hostledger.core;
