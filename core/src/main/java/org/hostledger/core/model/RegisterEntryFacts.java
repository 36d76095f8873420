package org.hostledger.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a register says about one entry, verbatim: its name, the provider, the status and level words as the register
 * writes them, and the assessor. {@code stage} is the status word read against the register's scheme ({@code READY},
 * {@code IN_PROCESS}, {@code AUTHORIZED}, {@code CERTIFIED}), null when the word is unknown: a status is never guessed.
 */
public record RegisterEntryFacts(
        String name, String provider, String status, String stage, String level, String assessor) {

    /** The names of the facts that differ from {@code before}, in a fixed order. */
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
