package org.hostledger.core.query;

import java.time.LocalDate;

/**
 * What the alert job must look at on {@code asOf}, as the ledger knows it now: certificates in use that expire within
 * {@code horizonDays} or are suspended, withdrawn or delisted, and decisions whose compliance differs from the last
 * compliance alert recorded for them.
 */
public record ListAlertCandidates(LocalDate asOf, int horizonDays) {}
