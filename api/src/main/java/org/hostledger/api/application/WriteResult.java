package org.hostledger.api.application;

/**
 * What a write answers: the record's id, its version after the write (also sent as the ETag), and the global position
 * of the event recorded (also sent as {@code X-Ledger-Position}: pass it as {@code awaitPosition} to a read that must
 * see this write).
 */
public record WriteResult(String id, long version, long position) {}
