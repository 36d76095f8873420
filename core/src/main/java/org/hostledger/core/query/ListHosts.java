package org.hostledger.core.query;

import org.hostledger.core.model.Exposure;

/**
 * Hosts registered on the date asked; filters are optional. {@code q} finds a part of the host's id or name, ignoring
 * case and accents.
 */
public record ListHosts(String country, Exposure exposure, String q, TimePoint at, PageRequest page) {

    public ListHosts(String country, Exposure exposure, TimePoint at, PageRequest page) {
        this(country, exposure, null, at, page);
    }
}
