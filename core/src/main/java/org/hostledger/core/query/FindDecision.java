package org.hostledger.core.query;

/** One decision on the date asked; answers null when it was not taken yet, or not known yet. */
public record FindDecision(String decisionId, TimePoint at) {}
