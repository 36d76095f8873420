package org.hostledger.api.web;

import java.util.List;

/**
 * A read of the views while some are being rebuilt: their tables hold a part of the history only, and a part of the
 * history is never served as if it were the whole. Answered {@code 503} with {@code Retry-After}.
 */
public class ViewsRebuilding extends RuntimeException {

    /** Seconds a client is told to wait before asking again. */
    public static final String RETRY_AFTER = "5";

    private final List<String> projections;

    public ViewsRebuilding(List<String> projections) {
        super((projections.isEmpty()
                        ? "views were rebuilt while this read ran, so it may have read a part of the history only"
                        : "the views of " + String.join(", ", projections)
                                + " are being rebuilt from the event store and hold a part of the history only")
                + "; they answer again once the rebuild ends (GET /api/admin/projections shows how far it is)");
        this.projections = List.copyOf(projections);
    }

    public List<String> projections() {
        return projections;
    }
}
