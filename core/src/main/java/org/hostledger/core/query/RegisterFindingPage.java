package org.hostledger.core.query;

import java.util.List;

/** One page of a register's findings, with the total across pages. */
public record RegisterFindingPage(List<RegisterFindingView> items, int page, int size, long totalItems) {}
