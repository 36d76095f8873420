package org.hostledger.api.application.registers;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.RegisterFinding;

/**
 * A snapshot read completely: its entries in file order, what could not be read as what its field says, and how many
 * rows the file holds (blank rows included, as the publisher counts them).
 */
public record ParsedSnapshot(List<Entry> entries, List<RegisterFinding> findings, int rows) {

    /**
     * One entry as the snapshot gives it.
     *
     * @param registerDate the register's own date for the entry's current stage when it gives a plausible one
     *     (FedRAMP's {@code auth_date} of an authorized product), else null
     * @param agencies the agencies that authorized the product (FedRAMP), by name as the register writes it, each with
     *     the register's own plausible date of that authorization when it gives one (its {@code AtoMapping}), else null
     */
    public record Entry(
            String entryId,
            RegisterEntryFacts facts,
            LocalDate registerDate,
            String where,
            Certificate certificate,
            Map<String, LocalDate> agencies) {

        public Entry {
            agencies = agencies == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(agencies));
        }

        public Entry(String entryId, RegisterEntryFacts facts, LocalDate registerDate, String where) {
            this(entryId, facts, registerDate, where, null, Map.of());
        }

        public Entry(
                String entryId,
                RegisterEntryFacts facts,
                LocalDate registerDate,
                String where,
                Certificate certificate) {
            this(entryId, facts, registerDate, where, certificate, Map.of());
        }
    }

    /**
     * What a list that names hosts and their certificates (the ANS and ANSSI lists) says about one certificate,
     * complete enough to record the host and grant the certificate in the ledger.
     */
    public record Certificate(
            String host,
            String country,
            String parentCompany,
            String parentCountry,
            String referential,
            String certifier,
            List<Integer> activities,
            LocalDate validFrom,
            LocalDate validUntil) {}
}
