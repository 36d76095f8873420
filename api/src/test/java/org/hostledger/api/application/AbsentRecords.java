package org.hostledger.api.application;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.core.command.RecordKind;

/** A store that holds no record, for tests of how commands are sent; override what a test watches. */
class AbsentRecords implements KnownRecords {

    @Override
    public Optional<RecordKind> kindOf(String id) {
        return Optional.empty();
    }

    @Override
    public Map<String, RecordKind> kindsOf(Collection<String> ids) {
        return Map.of();
    }

    @Override
    public OptionalLong versionOf(String id) {
        return OptionalLong.empty();
    }

    @Override
    public Optional<String> offeringHost(String offeringId) {
        return Optional.empty();
    }
}
