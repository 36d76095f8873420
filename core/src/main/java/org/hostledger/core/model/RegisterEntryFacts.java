package org.hostledger.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a register says about one entry, verbatim: its name, the provider, the status and level words as the register
 * writes them, and the assessor. {@code stage} is the status word read against the register's scheme ({@code READY},
 * {@code IN_PROCESS}, {@code AUTHORIZED}, {@code CERTIFIED}), null when the word is unknown: a status is never guessed.
 * {@code hostId} and {@code certificationId} link the entry to the ledger's own records when the import made them
 * (lists that give a host's country and a certificate's validity); they are links, not what the register says, so
 * they are no part of {@link #changedFrom}.
 */
public record RegisterEntryFacts(
        String name,
        String provider,
        String status,
        String stage,
        String level,
        String assessor,
        String hostId,
        String certificationId) {

    /** Facts with no host or certification of the ledger linked to them yet. */
    public RegisterEntryFacts(
            String name, String provider, String status, String stage, String level, String assessor) {
        this(name, provider, status, stage, level, assessor, null, null);
    }

    /** The same facts, linked to the host and certification that record them in the ledger. */
    public RegisterEntryFacts linkedTo(String host, String certification) {
        return new RegisterEntryFacts(name, provider, status, stage, level, assessor, host, certification);
    }

    /** The names of the register's facts that differ from {@code before}, in a fixed order. */
    public List<String> changedFrom(RegisterEntryFacts before) {
        List<String> fields = new ArrayList<>();
        if (!Objects.equals(before.name, name)) {
            fields.add("name");
        }
        if (!Objects.equals(before.provider, provider)) {
            fields.add("provider");
        }
        if (!Objects.equals(before.status, status) || !Objects.equals(before.stage, stage)) {
            fields.add("status");
        }
        if (!Objects.equals(before.level, level)) {
            fields.add("level");
        }
        if (!Objects.equals(before.assessor, assessor)) {
            fields.add("assessor");
        }
        return fields;
    }
}
