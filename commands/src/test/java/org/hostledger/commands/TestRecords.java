package org.hostledger.commands;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.model.SourceNote;

/** An in-memory {@link KnownRecords} and the shared bits of the aggregate tests. */
public final class TestRecords implements KnownRecords {

    public static final List<SourceNote> SOURCES = List.of(
            new SourceNote("Liste des hébergeurs certifiés", "https://esante.gouv.fr/", LocalDate.of(2021, 2, 1)));

    private final Map<String, RecordKind> records = new HashMap<>();
    private final Map<String, Long> versions = new HashMap<>();
    private final Map<String, String> offeringHosts = new HashMap<>();

    public TestRecords with(String id, RecordKind kind) {
        records.put(id, kind);
        return this;
    }

    @Override
    public Optional<RecordKind> kindOf(String id) {
        return Optional.ofNullable(records.get(id));
    }

    @Override
    public OptionalLong versionOf(String id) {
        return versions.containsKey(id) ? OptionalLong.of(versions.get(id)) : OptionalLong.empty();
    }

    /** An offering published by a ledger host. */
    public TestRecords withOffering(String offeringId, String hostId) {
        records.put(offeringId, RecordKind.OFFERING);
        offeringHosts.put(offeringId, hostId);
        return this;
    }

    @Override
    public Optional<String> offeringHost(String offeringId) {
        return Optional.ofNullable(offeringHosts.get(offeringId));
    }

    public TestRecords atVersion(String id, long version) {
        versions.put(id, version);
        return this;
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }
}
