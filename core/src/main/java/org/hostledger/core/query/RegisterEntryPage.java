package org.hostledger.core.query;

import java.util.List;

/** One page of a register's entries, with the total across pages. */
public record RegisterEntryPage(List<RegisterEntryView> items, int page, int size, long totalItems) {}
