package org.hostledger.core.query;

/** Exposure to non-EU law of the decisions in force on the date asked, by controller and by activity. */
public record GetSovereigntyStats(TimePoint at) {}
