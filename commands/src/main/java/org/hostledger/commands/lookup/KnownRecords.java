package org.hostledger.commands.lookup;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * The ledger host that publishes this offering, as its latest addition says; empty when the ledger holds no such
     * offering or its publisher is no ledger host. The command side's own lookup, so that a decision cannot rely on
     * another host's offering, without asking a projection.
     */
    Optional<String> offeringHost(String offeringId);

    /**
     * The kinds of those of {@code ids} the ledger holds (an id it does not hold is not in the answer): what {@link
     * #kindOf} answers for each, which an implementation may read at once.
     */
    default Map<String, RecordKind> kindsOf(Collection<String> ids) {
        Map<String, RecordKind> kinds = new HashMap<>();
        for (String id : ids) {
            kindOf(id).ifPresent(kind -> kinds.put(id, kind));
        }
        return kinds;
    }

    default boolean isTaken(String id) {
        return kindOf(id).isPresent();
    }

    default boolean holds(String id, RecordKind kind) {
        return kindOf(id).filter(kind::equals).isPresent();
    }
}
