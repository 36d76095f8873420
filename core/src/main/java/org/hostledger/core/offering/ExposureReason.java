package org.hostledger.core.offering;

import java.util.List;

/**
 * Why a decision is exposed: which actor of the chain, in which role, for which of the decision's activities, what
 * its answer is and to which countries, with a sentence saying so.
 */
public record ExposureReason(
        String actor, ChainRole role, List<Integer> activities, Kind kind, List<String> countries, String text) {

    public enum Kind {
        /** Requirement 29: access from outside the EEA under an adequacy decision (GDPR art. 45). */
        ACCESS_UNDER_ADEQUACY,
        /** Requirement 29: access from outside the EEA under GDPR art. 46 safeguards. */
        ACCESS_UNDER_SAFEGUARDS,
        /** Requirement 30, or a host's ultimate parent outside the EU/EEA: exposure to non-EU law. */
        NON_EU_LAW
    }
}
