package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;

/**
 * What changed in a register with an effective date from {@code from} to {@code to} (both included, each optional),
 * as recorded by {@code knownAt} (null: now); {@code sha256}, when given, only the changes that snapshot showed.
 */
public record ListRegisterChanges(
        String register, LocalDate from, LocalDate to, Instant knownAt, String sha256, PageRequest page) {}
