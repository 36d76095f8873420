package org.hostledger.core.rule;

/** The command contradicts what the ledger already holds, or one of its rules. */
public class RuleViolation extends LedgerRejection {

    public RuleViolation(String message) {
        super(message, null);
    }

    public RuleViolation(String field, String message) {
        super(message, field);
    }
}
