package org.hostledger.projections.registers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.projections.support.Bitemporal;

/** A register entry as it stood over one stretch of time. */
record EntryState(
        String register,
        String entryId,
        RegisterEntryFacts facts,
        boolean listed,
        LocalDate firstListedOn,
        Instant lastSeenIn) {

    static final List<String> COLUMNS = List.of(
            "register",
            "entry_id",
            "name",
            "provider",
            "status",
            "stage",
            "level",
            "assessor",
            "host_id",
            "cert_id",
            "listed",
            "first_listed_on",
            "last_seen_in");

    EntryState withFacts(RegisterEntryFacts next) {
        return new EntryState(register, entryId, next, true, firstListedOn, null);
    }

    EntryState delisted(Instant lastSeen) {
        return new EntryState(register, entryId, facts, false, firstListedOn, lastSeen);
    }

    List<Object> values() {
        return Arrays.asList(
                register,
                entryId,
                facts.name(),
                facts.provider(),
                facts.status(),
                facts.stage(),
                facts.level(),
                facts.assessor(),
                facts.hostId(),
                facts.certificationId(),
                listed,
                firstListedOn,
                lastSeenIn == null ? null : Bitemporal.timestamp(lastSeenIn));
    }
}
