package org.hostledger.core.query;

/** A certificate's status on the date asked. EXPIRED follows from the validity window, never from an event. */
public enum CertificationStatus {
    VALID,
    SUSPENDED,
    WITHDRAWN,
    EXPIRED
}
