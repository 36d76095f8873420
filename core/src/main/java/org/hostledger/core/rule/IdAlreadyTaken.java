package org.hostledger.core.rule;

/** A record with this id exists already; ids are unique across the whole ledger. */
public class IdAlreadyTaken extends LedgerRejection {

    public IdAlreadyTaken(String id) {
        super("the id '" + id + "' is already taken", "id");
    }
}
