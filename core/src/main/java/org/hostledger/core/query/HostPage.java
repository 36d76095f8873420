package org.hostledger.core.query;

import java.util.List;

/** One page of host views, with the total across pages. */
public record HostPage(List<HostView> items, int page, int size, long totalItems) {

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
