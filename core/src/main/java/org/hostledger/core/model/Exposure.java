package org.hostledger.core.model;

/** Whether a host's ultimate parent is subject to law from outside the EU/EEA. */
public enum Exposure {
    EU,
    NON_EU,
    /**
     * The register the host was imported from does not publish its country (the FedRAMP Marketplace): neither EU nor
     * NON_EU until a correction gives the country.
     */
    UNKNOWN
}
