package org.hostledger.core.query;

import java.time.Instant;

/** A register's imported snapshots, latest first, as recorded by {@code knownAt} (null: now). */
public record ListRegisterSnapshots(String register, Instant knownAt, PageRequest page) {}
