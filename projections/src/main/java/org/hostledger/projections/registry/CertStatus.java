package org.hostledger.projections.registry;

/**
 * A certificate's status as its events set it, kept in {@code rm_cert_version.status} under these names. EXPIRED is
 * not among them: it follows from the validity window and the date asked ({@code AsOf.certificationStatus}).
 */
enum CertStatus {
    VALID,
    SUSPENDED,
    WITHDRAWN
}
