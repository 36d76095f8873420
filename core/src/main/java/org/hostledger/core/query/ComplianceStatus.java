package org.hostledger.core.query;

/**
 * A decision's compliance on a date, per scheme. HDS: whether its activities are covered by valid HDS certificates of
 * its host. FedRAMP (a decision that is an agency authorization of a register entry): COVERED when the product is
 * listed and Authorized on that date, NOT_CERTIFIED otherwise (Ready and In Process cover nothing).
 */
public enum ComplianceStatus {
    /** Every activity of the decision is covered. */
    COVERED,
    /** The host holds a valid certificate, but some activities are not covered. */
    GAP,
    /** The host holds no valid certificate on that date. */
    NOT_CERTIFIED
}
