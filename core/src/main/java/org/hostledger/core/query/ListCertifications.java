package org.hostledger.core.query;

/** Certificates on the date asked; filters are optional. */
public record ListCertifications(
        String hostId, Integer activity, CertificationStatus status, TimePoint at, PageRequest page) {}
