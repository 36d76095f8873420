package org.hostledger.core.rule;

/** The command targets a record that the ledger does not hold, or holds as another kind. */
public class UnknownRecord extends LedgerRejection {

    private final String kind;
    private final String id;

    public UnknownRecord(String kind, String id) {
        super("no " + kind + " with id '" + id + "'", null);
        this.kind = kind;
        this.id = id;
    }

    public String kind() {
        return kind;
    }

    public String id() {
        return id;
    }
}
