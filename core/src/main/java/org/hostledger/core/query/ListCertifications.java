package org.hostledger.core.query;

/**
 * Certificates on the date asked; filters are optional. {@code q} finds a part of the certificate's id, its certifier,
 * or its host's id or name, ignoring case and accents.
 */
public record ListCertifications(
        String hostId, Integer activity, CertificationStatus status, String q, TimePoint at, PageRequest page) {

    public ListCertifications(
            String hostId, Integer activity, CertificationStatus status, TimePoint at, PageRequest page) {
        this(hostId, activity, status, null, at, page);
    }
}
