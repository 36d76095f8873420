package org.hostledger.core.query;

/** Recompute the event store's hash chain from the first event. */
public record VerifyAuditChain() {}
