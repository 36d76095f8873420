package org.hostledger.core.query;

import java.time.Instant;

/** The findings of a register's snapshots, latest snapshot first; {@code kind} and {@code publishedAt} optional. */
public record ListRegisterFindings(String register, Instant publishedAt, String kind, PageRequest page) {}
