package org.hostledger.core.query;

import java.util.List;

/** One page of certification views, with the total across pages. */
public record CertificationPage(List<CertificationView> items, int page, int size, long totalItems) {

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }
}
