package org.hostledger.core.event.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hostledger.core.event.HostingDecisionChallenged;

/** {@link HostingDecisionChallenged} revision 1 (no revision stored) to 2: {@code by} is now {@code challenger}. */
public final class HostingDecisionChallengedUpcaster extends JsonRevisionUpcaster {

    public HostingDecisionChallengedUpcaster() {
        super(HostingDecisionChallenged.class, null, "2");
    }

    @Override
    protected ObjectNode change(ObjectNode payload) {
        return rename(payload, "by", "challenger");
    }
}
