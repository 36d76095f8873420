package org.hostledger.core.query;

/** Decisions in force with a compliance gap, and certificates in use that expire within 90 days. */
public record ListComplianceAlerts(TimePoint at) {}
