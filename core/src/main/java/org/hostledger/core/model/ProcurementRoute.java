package org.hostledger.core.model;

/** How a data controller came to its host. */
public enum ProcurementRoute {
    /** A dedicated public tender. */
    PUBLIC_TENDER,
    /** Bought through a central purchasing body's catalogue (UGAP in France). */
    CENTRAL_PURCHASING,
    /** A call-off under an existing framework agreement. */
    FRAMEWORK_AGREEMENT,
    /** No competitive procedure at all. */
    NO_TENDER,
    /** Hosted by the controller itself. */
    IN_HOUSE,
    /** Not known from the sources. */
    UNKNOWN
}
