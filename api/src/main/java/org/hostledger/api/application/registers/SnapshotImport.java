package org.hostledger.api.application.registers;

import java.time.Instant;
import java.util.Map;

/**
 * The answer to an import: the snapshot's citation, when it was recorded, the positions of the events it recorded
 * ({@code positionFrom} null for a duplicate), how many entries it lists, the changes by kind, and how many findings.
 */
public record SnapshotImport(
        String register,
        Instant publishedAt,
        String sha256,
        Instant recordedAt,
        Long positionFrom,
        long positionTo,
        int entries,
        Map<String, Integer> changes,
        int findings,
        boolean duplicate) {}
