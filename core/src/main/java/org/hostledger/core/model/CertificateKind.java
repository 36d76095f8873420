package org.hostledger.core.model;

import java.util.Collection;

/**
 * The two kinds of HDS certificate. A certificate covering activities of both groups is of both kinds, which the
 * official list shows as one entry with both flags.
 */
public enum CertificateKind {
    /** "Hébergeur d'infrastructure physique": activities 1 and 2. */
    PHYSICAL_INFRASTRUCTURE,
    /** "Hébergeur infogéreur": activities 3 to 6. */
    MANAGED_SERVICES,
    /** Both kinds on one certificate. */
    BOTH;

    public static CertificateKind of(Collection<Integer> activities) {
        boolean physical = activities.stream().anyMatch(a -> a == 1 || a == 2);
        boolean managed = activities.stream().anyMatch(a -> a >= 3 && a <= 6);
        if (physical && managed) {
            return BOTH;
        }
        return physical ? PHYSICAL_INFRASTRUCTURE : MANAGED_SERVICES;
    }
}
