package org.hostledger.api.watch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What a subscription selects; every criterion given must hold (an empty filter selects every change).
 *
 * @param recordIds changes of these records (hosts, certificates, decisions, register entries)
 * @param hostId changes of this host and of everything about it (its certificates, the decisions it serves)
 * @param register changes of this register (its entries and snapshots)
 * @param eventTypes changes of these kinds (event names such as {@code CertificationSuspended})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record SubscriptionFilter(List<String> recordIds, String hostId, String register, List<String> eventTypes) {

    public SubscriptionFilter {
        recordIds = recordIds == null ? List.of() : List.copyOf(recordIds);
        eventTypes = eventTypes == null ? List.of() : List.copyOf(eventTypes);
    }

    public boolean matches(WatchedChange change) {
        return (recordIds.isEmpty() || recordIds.contains(change.recordId()))
                && (hostId == null || hostId.equals(change.hostId()))
                && (register == null || register.equals(change.registerId()))
                && (eventTypes.isEmpty() || eventTypes.contains(change.eventType()));
    }
}
