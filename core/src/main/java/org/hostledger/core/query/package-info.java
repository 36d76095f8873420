/**
 * Queries and their typed results. Every query carries a {@link org.hostledger.core.query.TimePoint}: the effective
 * date asked ({@code asOf}, the world on that day) and the recorded instant ({@code knownAt}, what the ledger knew
 * then).
 */
package org.hostledger.core.query;
