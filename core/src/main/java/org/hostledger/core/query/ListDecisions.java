package org.hostledger.core.query;

import org.hostledger.core.model.Exposure;

/** The hosting map on the date asked; filters are optional ({@code compliance} filters on the date asked). */
public record ListDecisions(
        String hostId,
        String controller,
        DecisionStatus status,
        ComplianceStatus compliance,
        Exposure exposure,
        TimePoint at,
        PageRequest page) {}
