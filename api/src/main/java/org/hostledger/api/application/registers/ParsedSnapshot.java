package org.hostledger.api.application.registers;

import java.time.LocalDate;
import java.util.List;
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
     */
    public record Entry(
            String entryId, RegisterEntryFacts facts, LocalDate registerDate, String where, Certificate certificate) {

        public Entry(String entryId, RegisterEntryFacts facts, LocalDate registerDate, String where) {
            this(entryId, facts, registerDate, where, null);
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
