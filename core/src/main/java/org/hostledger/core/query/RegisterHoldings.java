package org.hostledger.core.query;

import java.time.LocalDate;
import java.util.Map;
import org.hostledger.core.model.RegisterEntryFacts;

/**
 * A register as the ledger currently holds it.
 *
 * @param entries every entry ever listed, by the register's own id
 * @param latest the latest imported snapshot, null before the first
 * @param imported the snapshot already imported from the file asked about, null when none
 * @param recordedCiting the changes already recorded citing that file, by kind
 */
public record RegisterHoldings(
        Map<String, Holding> entries,
        RegisterSnapshotView latest,
        RegisterSnapshotView imported,
        Map<String, Integer> recordedCiting) {

    /** One entry: its current facts, whether it is listed, and the effective date of its latest change. */
    public record Holding(RegisterEntryFacts facts, boolean listed, LocalDate lastEffectiveOn) {}
}
