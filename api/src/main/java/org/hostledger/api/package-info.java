/**
 * The HostLedger application: REST, configuration, the event store, the demo history and the web pages.
 *
 * <p>The only module that sees all others. It translates HTTP into commands and queries and back; it holds no domain
 * rule (those live in {@code commands}) and computes no view (those live in {@code projections}).
 */
package org.hostledger.api;
