package org.hostledger.core.query;

/**
 * The offerings published on the date asked, of one ledger host ({@code hostId}) or read from one register
 * ({@code register}) or all; {@code includeRemoved} adds those no longer published (the importer diffs against them).
 */
public record ListOfferings(String hostId, String register, boolean includeRemoved, TimePoint at) {}
