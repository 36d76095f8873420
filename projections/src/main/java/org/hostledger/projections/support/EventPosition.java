package org.hostledger.projections.support;

import java.time.Instant;
import org.axonframework.eventhandling.TrackingToken;

/** Where an event stands in the ledger: its global index and the instant it was recorded. */
public record EventPosition(long globalIndex, Instant recordedAt) {

    public static EventPosition of(TrackingToken token, Instant recordedAt) {
        long index = token.position()
                .orElseThrow(() -> new IllegalStateException("projections need a tracking token with a position"));
        return new EventPosition(index, recordedAt);
    }
}
