package org.hostledger.core.query;

import org.hostledger.core.model.Exposure;

/** Hosts registered on the date asked; filters are optional. */
public record ListHosts(String country, Exposure exposure, TimePoint at, PageRequest page) {}
