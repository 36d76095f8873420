package org.hostledger.core.alert;

/**
 * What an alert says. The certificate kinds concern a certificate in use by a decision in force; the decision kinds
 * a change of a decision's compliance, {@link #DECISION_COVERED} closing an earlier {@link #DECISION_GAP} or
 * {@link #DECISION_NOT_CERTIFIED}.
 */
public enum AlertKind {
    CERTIFICATE_EXPIRING,
    CERTIFICATE_SUSPENDED,
    CERTIFICATE_WITHDRAWN,
    CERTIFICATE_DELISTED,
    DECISION_GAP,
    DECISION_NOT_CERTIFIED,
    DECISION_COVERED;

    public boolean aboutDecision() {
        return name().startsWith("DECISION_");
    }
}
