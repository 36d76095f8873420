package org.hostledger.core.offering;

/** The legal ground of access to the data from outside the EEA (requirement 29). */
public enum AccessGround {
    /** An adequacy decision of the European Commission (GDPR art. 45). */
    ADEQUACY_DECISION("under an adequacy decision"),
    /** Appropriate safeguards (GDPR art. 46: standard contractual clauses, binding corporate rules…). */
    ART_46_SAFEGUARDS("under GDPR art. 46 safeguards");

    private final String phrase;

    AccessGround(String phrase) {
        this.phrase = phrase;
    }

    public String phrase() {
        return phrase;
    }
}
