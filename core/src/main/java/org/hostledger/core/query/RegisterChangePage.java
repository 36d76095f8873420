package org.hostledger.core.query;

import java.util.List;

/** One page of a register's changes, with the total across pages. */
public record RegisterChangePage(List<RegisterChangeView> items, int page, int size, long totalItems) {}
