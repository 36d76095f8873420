/**
 * The read side: views rebuilt from events alone — the hosting map, the registry, compliance and sovereignty — with
 * the query handlers that serve them.
 *
 * <p>Depends on {@code core} only, never on {@code commands} or the {@code store}. Every view answers for any
 * effective date ({@code asOf}) and any recorded instant ({@code knownAt}) from its own bitemporal rows; no request
 * replays the event store. Handlers never read a clock: a replay writes the same rows as the live run.
 */
package org.hostledger.projections;
