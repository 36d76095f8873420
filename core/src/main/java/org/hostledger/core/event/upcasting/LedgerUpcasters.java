package org.hostledger.core.event.upcasting;

import java.util.List;
import org.axonframework.serialization.upcasting.event.EventUpcaster;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;

/** Every upcaster of the ledger's events, in the order they apply (oldest change first). */
public final class LedgerUpcasters {

    private LedgerUpcasters() {}

    public static List<EventUpcaster> all() {
        return List.of(new HostingDecisionChallengedUpcaster(), new HostingDecisionCorrectedUpcaster());
    }

    /** The same as one chain, for readers outside the event store (tests, tools). */
    public static EventUpcasterChain chain() {
        return new EventUpcasterChain(all());
    }
}
