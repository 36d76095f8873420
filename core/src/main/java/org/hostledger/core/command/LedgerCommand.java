package org.hostledger.core.command;

/**
 * What every command says about its target: which record, of which kind, and whether it creates that record. The
 * command side uses it to refuse a command aimed at a record that does not exist or is of another kind, before any
 * aggregate is loaded.
 */
public interface LedgerCommand {

    String targetId();

    RecordKind targetKind();

    /** True for the commands that create their record; false for those that need it to exist. */
    default boolean createsRecord() {
        return false;
    }

    /**
     * The version of the record the client last read (its {@code If-Match}), or null to apply the command to whatever
     * version the record has reached. Commands on existing records carry it as a component.
     */
    default Long expectedVersion() {
        return null;
    }
}
