package org.hostledger.core.query;

/** One offering and its chain on the date asked; answers null when it was not published then, or not known yet. */
public record FindOffering(String offeringId, TimePoint at) {}
