package org.hostledger.core.model;

/**
 * What a register says about one entry, verbatim: its name, the provider, the status and level words as the register
 * writes them, and the assessor. {@code stage} is the status word read against the register's scheme ({@code READY},
 * {@code IN_PROCESS}, {@code AUTHORIZED}, {@code CERTIFIED}), null when the word is unknown: a status is never guessed.
 */
public record RegisterEntryFacts(
        String name, String provider, String status, String stage, String level, String assessor) {}
