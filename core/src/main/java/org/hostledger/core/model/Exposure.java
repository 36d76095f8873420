package org.hostledger.core.model;

/** Whether a host's ultimate parent is subject to law from outside the EU/EEA. */
public enum Exposure {
    EU,
    NON_EU
}
