package org.hostledger.core.query;

import java.time.Instant;

/** A value of a snapshot that could not be read as what its field says, kept raw. */
public record RegisterFindingView(
        Instant publishedAt, String where, String entryId, String field, String kind, String raw) {}
