/**
 * The HostLedger application: the HTTP edge (REST controllers by feature, pages, problem handling, security,
 * idempotency, the response cache in {@code web}), the application services that the edge, the demo history and
 * the benchmark share ({@code application}: {@code LedgerCommands}, {@code Queries}), the demo history and the
 * command-line modes.
 *
 * <p>The only module that sees all others. It translates HTTP into commands and queries and back; it holds no domain
 * rule (those live in {@code commands}), computes no view (those live in {@code projections}) and touches no table of
 * the ledger engine (that is the {@code store}).
 */
package org.hostledger.api;
