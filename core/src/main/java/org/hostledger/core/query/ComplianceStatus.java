package org.hostledger.core.query;

/** Whether a decision's activities are covered by valid HDS certificates of its host on a date. */
public enum ComplianceStatus {
    /** Every activity of the decision is covered. */
    COVERED,
    /** The host holds a valid certificate, but some activities are not covered. */
    GAP,
    /** The host holds no valid certificate on that date. */
    NOT_CERTIFIED
}
