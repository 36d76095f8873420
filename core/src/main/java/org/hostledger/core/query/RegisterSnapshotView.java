package org.hostledger.core.query;

import java.time.Instant;
import java.util.Map;

/** An imported snapshot: its citation, when the ledger recorded it and at which position, and what it changed. */
public record RegisterSnapshotView(
        String register,
        Instant publishedAt,
        String sha256,
        String url,
        Instant recordedAt,
        long position,
        int entries,
        Map<String, Integer> changes,
        int findings) {}
