package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;

/** Links to the neighbouring pages of a list, keeping its filters; null where there is none. */
record Paging(int page, long totalPages, String previous, String next) {

    static Paging of(HttpServletRequest request, int current, long total) {
        return new Paging(
                current,
                total,
                current > 0 ? QueryString.replacing(request, "page", current - 1) : null,
                current + 1 < total ? QueryString.replacing(request, "page", current + 1) : null);
    }
}
