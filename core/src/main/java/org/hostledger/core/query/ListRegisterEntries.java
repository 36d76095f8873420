package org.hostledger.core.query;

/**
 * A register's entries on the date asked, as known at the instant asked; filters are optional: {@code status} and
 * {@code level} match the register's words exactly, {@code q} a part of the entry's id, name or provider.
 */
public record ListRegisterEntries(
        String register, String status, String level, String q, TimePoint at, PageRequest page) {}
