package org.hostledger.core.rule;

/**
 * A command the ledger refuses. Nothing was recorded. Subclasses say why, so that every edge can answer the same
 * way: the REST layer maps them to problem details, the demo loader stops on them.
 */
public abstract class LedgerRejection extends RuntimeException {

    private final String field;

    protected LedgerRejection(String message, String field) {
        super(message, null, false, false);
        this.field = field;
    }

    /** The request field the rejection is about, or {@code null} when it is about the whole command. */
    public String field() {
        return field;
    }
}
