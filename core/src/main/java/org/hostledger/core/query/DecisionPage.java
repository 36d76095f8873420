package org.hostledger.core.query;

import java.util.List;

/** One page of decision views, with the total across pages. */
public record DecisionPage(List<DecisionView> items, int page, int size, long totalItems) {

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
