package org.hostledger.projections.hostingmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.projections.ProjectionHarness.d;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.hostledger.core.event.LedgerEvent;
import org.hostledger.core.query.DecisionSlice;
import org.hostledger.core.query.DecisionStatus;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.ListDecisionsAfter;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.ProjectionHarness;
import org.junit.jupiter.api.Test;

/**
 * The hosting map read by keyset: walking the slices of any size from the first gives exactly the decisions the paged
 * read gives, in the same order, each once, the last slice saying that nothing follows; and decisions recorded between
 * two reads neither repeat nor hide the ones after the cursor.
 */
class DecisionKeysetTest {

    @Test
    void walkingTheSlicesOfEverySizeGivesWhatThePagesGive() {
        ProjectionHarness harness = new ProjectionHarness();
        harness.feedInOneBatch(DecisionCountsTest.history(new Random(5)).toArray(LedgerEvent[]::new));
        int walks = 0;
        for (LocalDate date : List.of(d("2018-01-01"), d("2020-06-01"), d("2023-01-01"))) {
            TimePoint at = TimePoint.asKnownNow(date);
            for (String host : Arrays.asList(null, "h1", "h2")) {
                for (DecisionStatus status : Arrays.asList(null, DecisionStatus.ACTIVE, DecisionStatus.ENDED)) {
                    ListDecisions question =
                            new ListDecisions(host, null, status, null, null, at, new PageRequest(0, 200));
                    List<String> expected =
                            ids(harness.hostingMap.handle(question).items());
                    for (int size = 1; size <= 7; size++) {
                        String where = String.format("host %s, status %s on %s, size %d", host, status, date, size);
                        List<String> walked = new ArrayList<>();
                        String after = null;
                        int reads = 0;
                        do {
                            DecisionSlice slice =
                                    harness.hostingMap.handle(ListDecisionsAfter.of(question, after, size));
                            reads++;
                            assertThat(slice.items()).as(where).hasSizeLessThanOrEqualTo(size);
                            assertThat(slice.size()).isEqualTo(size);
                            List<String> ids = ids(slice.items());
                            walked.addAll(ids);
                            if (slice.nextAfter() != null) {
                                assertThat(ids).as(where).hasSize(size);
                                assertThat(slice.nextAfter()).isEqualTo(ids.get(ids.size() - 1));
                            }
                            after = slice.nextAfter();
                        } while (after != null && reads <= expected.size());
                        assertThat(walked).as(where).isEqualTo(expected);
                        // A full last slice knows it is the last: no read comes back empty but the only one.
                        assertThat(reads).as(where).isEqualTo(Math.max(1, (expected.size() + size - 1) / size));
                        walks++;
                    }
                }
            }
        }
        assertThat(walks).isEqualTo(3 * 3 * 3 * 7);
    }

    @Test
    void decisionsRecordedBetweenTwoReadsNeitherRepeatNorHideTheRest() {
        ProjectionHarness harness = new ProjectionHarness();
        harness.feedInOneBatch(DecisionCountsTest.history(new Random(7)).toArray(LedgerEvent[]::new));
        TimePoint at = TimePoint.asKnownNow(d("2026-01-01"));
        ListDecisions question = new ListDecisions(null, null, null, null, null, at, new PageRequest(0, 200));
        List<String> before = ids(harness.hostingMap.handle(question).items());
        assertThat(before).hasSizeGreaterThan(6);

        DecisionSlice first = harness.hostingMap.handle(ListDecisionsAfter.of(question, null, 3));
        String cursor = first.nextAfter();
        assertThat(cursor).isEqualTo(before.get(2));
        // One decision sorts before the cursor, one after it: an offset would repeat the third decision.
        harness.feedInOneBatch(
                DecisionCountsTest.recorded("a-early", d("2020-01-01")),
                DecisionCountsTest.recorded(cursor + "-next", d("2020-01-01")));

        List<String> rest = new ArrayList<>();
        String after = cursor;
        while (after != null) {
            DecisionSlice slice = harness.hostingMap.handle(ListDecisionsAfter.of(question, after, 3));
            rest.addAll(ids(slice.items()));
            after = slice.nextAfter();
        }
        List<String> now = ids(harness.hostingMap.handle(question).items());
        assertThat(rest).isEqualTo(now.subList(now.indexOf(cursor) + 1, now.size()));
        assertThat(rest)
                .contains(cursor + "-next")
                .doesNotContain("a-early")
                .doesNotContainAnyElementsOf(ids(first.items()));
    }

    private static List<String> ids(List<DecisionView> views) {
        return views.stream().map(DecisionView::id).toList();
    }
}
