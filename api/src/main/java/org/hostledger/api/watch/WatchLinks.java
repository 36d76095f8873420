package org.hostledger.api.watch;

import java.util.Optional;

/** Where a changed record is read: its REST resource and its page. */
final class WatchLinks {

    private WatchLinks() {}

    static Optional<String> api(WatchedChange change) {
        return switch (change.recordType()) {
            case "Host" -> Optional.of("/api/hosts/" + change.recordId());
            case "Certification" -> Optional.of("/api/certifications/" + change.recordId());
            case "HostingDecision" -> Optional.of("/api/decisions/" + change.recordId());
            case "Alert" -> Optional.of("/api/compliance/alerts?recordId=" + change.recordId());
            default -> Optional.ofNullable(change.registerId()).map(r -> "/api/registers/" + r);
        };
    }

    static Optional<String> page(WatchedChange change) {
        return switch (change.recordType()) {
            case "Host" -> Optional.of("/hosts/" + change.recordId());
            case "Certification" ->
                change.hostId() == null ? Optional.empty() : Optional.of("/hosts/" + change.hostId());
            case "HostingDecision" -> Optional.of("/decisions/" + change.recordId());
            case "Alert" -> change.hostId() == null ? Optional.empty() : Optional.of("/hosts/" + change.hostId());
            default -> Optional.ofNullable(change.registerId()).map(r -> "/registers/" + r);
        };
    }
}
