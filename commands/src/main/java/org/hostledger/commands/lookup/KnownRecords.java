package org.hostledger.commands.lookup;

import java.util.Optional;
import java.util.OptionalLong;
import org.hostledger.core.command.RecordKind;

/**
 * Which ids the ledger holds, and of which kind: the set validation behind "ids are unique" and "a decision's host
 * must be registered". Implementations answer from the event store in the command's own transaction, never from a
 * projection that may lag.
 */
public interface KnownRecords {

    Optional<RecordKind> kindOf(String id);

    /** The record's current version: the sequence number of its latest event. */
    OptionalLong versionOf(String id);

    default boolean isTaken(String id) {
        return kindOf(id).isPresent();
    }

    default boolean holds(String id, RecordKind kind) {
        return kindOf(id).filter(kind::equals).isPresent();
    }
}
