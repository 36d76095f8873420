package org.hostledger.core.event.upcasting;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.hostledger.core.event.HostingDecisionCorrected;

/**
 * {@link HostingDecisionCorrected} revision 1 (no revision stored) to 2, which adds {@code offeringId}. A revision 1
 * correction could not change the offering, so the field stays absent: "the offering as it was", which is what an
 * absent {@code offeringId} means in revision 2. Only the revision label changes, so that every reader sees one
 * revision of the type.
 */
public final class HostingDecisionCorrectedUpcaster extends JsonRevisionUpcaster {

    public HostingDecisionCorrectedUpcaster() {
        super(HostingDecisionCorrected.class, null, "2");
    }

    @Override
    protected ObjectNode change(ObjectNode payload) {
        return payload;
    }
}
