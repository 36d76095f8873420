package org.hostledger.core.query;

import org.hostledger.core.model.Exposure;

/**
 * The hosting map on the date asked; filters are optional ({@code compliance} filters on the date asked; {@code q}
 * finds a part of the decision's id, controller, system, or its host's id or name, ignoring case and accents).
 */
public record ListDecisions(
        String hostId,
        String controller,
        DecisionStatus status,
        ComplianceStatus compliance,
        Exposure exposure,
        String q,
        TimePoint at,
        PageRequest page) {

    public ListDecisions(
            String hostId,
            String controller,
            DecisionStatus status,
            ComplianceStatus compliance,
            Exposure exposure,
            TimePoint at,
            PageRequest page) {
        this(hostId, controller, status, compliance, exposure, null, at, page);
    }
}
