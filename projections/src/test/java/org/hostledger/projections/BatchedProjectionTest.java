package org.hostledger.projections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.SOURCES;
import static org.hostledger.projections.ProjectionHarness.d;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.core.event.CertificationCorrected;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationReinstated;
import org.hostledger.core.event.CertificationRenewed;
import org.hostledger.core.event.CertificationScopeChanged;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.HostCorrected;
import org.hostledger.core.event.HostOwnershipChanged;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionEnded;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.LedgerEvent;
import org.hostledger.core.event.MigrationPlanned;
import org.hostledger.core.model.ProcurementRoute;
import org.junit.jupiter.api.Test;

/**
 * A batch writes what the same events one by one write: records created, changed, corrected and refolded within one
 * batch — the writes a replay makes a hundred events at a time — end in the same rows, row for row.
 */
class BatchedProjectionTest {

    private static final List<Integer> ALL = List.of(1, 2, 3, 4, 5, 6);

    private static final List<LedgerEvent> HISTORY = List.of(
            new HostRegistered("h1", "Host", "FR", null, null, d("2018-01-01"), SOURCES),
            new HostRegistered("h2", "Other", "IE", "Big Cloud", "US", d("2018-01-01"), SOURCES),
            new CertificationGranted(
                    "c1", "h1", "HDS", "v1", "LNE", ALL, null, d("2018-06-01"), d("2021-06-01"), SOURCES),
            new HostingDecisionRecorded(
                    "d1",
                    "Hospital",
                    "EHR",
                    "h1",
                    List.of(1, 2, 3),
                    d("2019-01-01"),
                    ProcurementRoute.PUBLIC_TENDER,
                    null,
                    "best",
                    List.of("x"),
                    SOURCES),
            new CertificationSuspended("c1", d("2019-03-01"), "audit", SOURCES),
            new HostOwnershipChanged("h1", "Far Corp", "CN", d("2020-01-01"), "sold", SOURCES),
            new HostingDecisionChallenged("d1", "MP", d("2019-06-01"), "why", null, null, SOURCES),
            new MigrationPlanned("d1", "h2", null, d("2023-01-01"), d("2022-01-01"), "later plan", SOURCES),
            new CertificationReinstated("c1", d("2019-05-01"), "fixed", SOURCES),
            new MigrationPlanned("d1", null, "earlier plan", d("2021-01-01"), d("2020-06-01"), "entered late", SOURCES),
            new CertificationScopeChanged("c1", List.of(1, 2), d("2020-01-01"), "narrowed", SOURCES),
            new HostCorrected("h1", "Host SAS", "FR", null, null, d("2017-06-01"), "legal name", SOURCES),
            new CertificationRenewed("c1", d("2024-06-01"), "v2.0", d("2021-05-01"), SOURCES),
            new CertificationCorrected(
                    "c1", "h1", "v1", "AFNOR", ALL, null, d("2018-05-01"), d("2021-05-01"), "certifier", SOURCES),
            new HostingDecisionCorrected(
                    "d1",
                    "Hospital",
                    "EHR",
                    "h1",
                    List.of(1, 2),
                    d("2018-12-01"),
                    ProcurementRoute.NO_TENDER,
                    null,
                    "best",
                    List.of(),
                    "date",
                    SOURCES),
            new HostingDecisionEnded("d1", d("2024-01-01"), "moved", null, SOURCES),
            new HostingDecisionChallenged("d1", "Court", d("2023-06-01"), "late", "CE", "rejected", SOURCES));

    @Test
    void aBatchWritesExactlyWhatEventsOneByOneWrite() {
        ProjectionHarness oneByOne = new ProjectionHarness();
        HISTORY.forEach(oneByOne::feed);
        ProjectionHarness batched = new ProjectionHarness();
        batched.feedInOneBatch(HISTORY.toArray(LedgerEvent[]::new));
        Map<String, List<Map<String, Object>>> expected = tables(oneByOne);
        assertThat(expected.get("rm_decision_version")).hasSizeGreaterThan(3);
        assertThat(tables(batched)).isEqualTo(expected);
    }

    @Test
    void batchesOfAnySizeWriteTheSameRows() {
        ProjectionHarness oneByOne = new ProjectionHarness();
        HISTORY.forEach(oneByOne::feed);
        ProjectionHarness inThrees = new ProjectionHarness();
        for (int i = 0; i < HISTORY.size(); i += 3) {
            inThrees.feedInOneBatch(
                    HISTORY.subList(i, Math.min(i + 3, HISTORY.size())).toArray(LedgerEvent[]::new));
        }
        assertThat(tables(inThrees)).isEqualTo(tables(oneByOne));
    }

    /**
     * Insert-only version rows: a belief interval that a later event of the same batch closes is written closed, and
     * a record's version number bumped by later events of the batch goes into its insert — no UPDATE follows.
     */
    @Test
    void changesWithinOneBatchAreWrittenAsInsertsOnly() {
        // Each record's changes in date order: none folds its timeline again (a refold reads, so sends first).
        List<LedgerEvent> history = HISTORY.subList(0, 9);
        ProjectionHarness oneByOne = new ProjectionHarness();
        history.forEach(oneByOne::feed);
        assertThat(oneByOne.statements).anyMatch(sql -> sql.startsWith("UPDATE rm_host_version"));
        ProjectionHarness batched = new ProjectionHarness();
        batched.feedInOneBatch(history.toArray(LedgerEvent[]::new));
        // The maintained counts are the exception: a count row adds up the changes of every batch.
        assertThat(batched.statements)
                .filteredOn(sql -> !sql.matches("UPDATE rm_\\w+_count .*"))
                .noneMatch(sql -> sql.startsWith("UPDATE") || sql.startsWith("DELETE"));
        assertThat(batched.statements).hasSizeLessThan(oneByOne.statements.size());
        assertThat(batched.jdbc.queryForObject(
                        "SELECT COUNT(*) FROM rm_cert_version WHERE rec_to < TIMESTAMP WITH TIME ZONE "
                                + "'9999-01-01 00:00:00Z'",
                        Integer.class))
                .isGreaterThan(0);
        assertThat(tables(batched)).isEqualTo(tables(oneByOne));
    }

    private static Map<String, List<Map<String, Object>>> tables(ProjectionHarness harness) {
        Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
        for (String table : List.of(
                "rm_host_base",
                "rm_host_change",
                "rm_host_version",
                "rm_cert_base",
                "rm_cert_change",
                "rm_cert_version",
                "rm_decision_base",
                "rm_decision_event",
                "rm_decision_version")) {
            tables.put(table, harness.jdbc.queryForList("SELECT * FROM " + table + " ORDER BY 1, 2, 3, 4, 5"));
        }
        // Counts that add up to nothing may stay as a row of zero, or never be written, by batch.
        for (String counts : List.of("rm_host_count", "rm_cert_count", "rm_decision_count")) {
            tables.put(
                    counts,
                    harness.jdbc.queryForList("SELECT * FROM " + counts + " WHERE delta <> 0 ORDER BY 1, 2, 3"));
        }
        return tables;
    }
}
