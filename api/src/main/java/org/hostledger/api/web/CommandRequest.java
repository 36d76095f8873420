package org.hostledger.api.web;

import org.hostledger.core.command.LedgerCommand;

/**
 * A write request of the REST contract that knows the command it asks for, so that the REST controllers and the
 * editor forms send exactly the same command for the same request.
 */
public interface CommandRequest {

    /**
     * The command for the record {@code recordId} (ignored by requests that create a record: they take their own
     * {@code id} or a generated one). Throws {@link FieldError} for a rule between fields that annotations cannot
     * express.
     *
     * @param expectedVersion the version the writer read, or null to write whatever the current version is
     */
    LedgerCommand toCommand(String recordId, Long expectedVersion);
}
