package org.hostledger.core.query;

/** One host on the date asked; answers null when it did not exist then, or was not known yet. */
public record FindHost(String hostId, TimePoint at) {}
