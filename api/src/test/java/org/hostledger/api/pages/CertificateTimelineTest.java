package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.query.CertificationStatus;
import org.hostledger.core.query.CertificationView;
import org.junit.jupiter.api.Test;

class CertificateTimelineTest {

    private static CertificationView certificate(
            String id, String from, String until, CertificationStatus status, CertificationView.Change... changes) {
        List<Integer> activities = List.of(1, 2, 3, 4, 5, 6);
        return new CertificationView(
                id,
                "host",
                "Host",
                "HDS",
                "v1",
                "Certifier",
                activities,
                CertificationView.ActivityFlags.of(activities),
                null,
                null,
                LocalDate.parse(from),
                LocalDate.parse(until),
                status,
                List.of(),
                List.of(changes),
                changes.length,
                List.of(),
                0);
    }

    private static CertificationView.Change change(String kind, String on) {
        return new CertificationView.Change(kind, LocalDate.parse(on), null, null, null, null, null, List.of());
    }

    @Test
    void theAxisRunsFromTheFirstYearToTheYearAfterTheLastDateInFullYears() {
        CertificateTimeline timeline = CertificateTimeline.of(
                List.of(certificate("a", "2018-07-01", "2021-07-01", CertificationStatus.EXPIRED)),
                LocalDate.parse("2022-03-01"));
        assertThat(timeline.ticks())
                .extracting(CertificateTimeline.Tick::year)
                .containsExactly(2018, 2019, 2020, 2021, 2022, 2023);
        assertThat(timeline.ticks().get(0).x()).isEqualTo(CertificateTimeline.LABELS);
        assertThat(timeline.ticks().get(5).x()).isEqualTo(CertificateTimeline.WIDTH - CertificateTimeline.RIGHT_MARGIN);
        CertificateTimeline.Span window = timeline.rows().get(0).window();
        assertThat(window.from()).isEqualTo("2018-07-01");
        assertThat(window.to()).isEqualTo("2021-07-01");
        assertThat(window.x()).isGreaterThan(CertificateTimeline.LABELS);
        assertThat(timeline.asked().x()).isGreaterThan(window.x() + window.width());
    }

    @Test
    void aSuspensionLastsUntilTheReinstatementAndAWithdrawalEndsTheWindow() {
        CertificateTimeline timeline = CertificateTimeline.of(
                List.of(certificate(
                        "a",
                        "2019-01-01",
                        "2022-01-01",
                        CertificationStatus.WITHDRAWN,
                        change("SUSPENDED", "2019-06-01"),
                        change("REINSTATED", "2019-09-01"),
                        change("RENEWED", "2019-10-01"),
                        change("SUSPENDED", "2020-03-01"),
                        change("WITHDRAWN", "2020-06-01"))),
                LocalDate.parse("2021-01-01"));
        CertificateTimeline.Row row = timeline.rows().get(0);
        assertThat(row.suspensions())
                .extracting(CertificateTimeline.Span::from, CertificateTimeline.Span::to)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2019-06-01"), LocalDate.parse("2019-09-01")),
                        org.assertj.core.groups.Tuple.tuple(
                                LocalDate.parse("2020-03-01"), LocalDate.parse("2020-06-01")));
        assertThat(row.window().to()).isEqualTo("2020-06-01");
        assertThat(row.withdrawal().on()).isEqualTo("2020-06-01");
        assertThat(row.withdrawal().x())
                .isEqualTo(row.window().x() + row.window().width());
        assertThat(row.renewals())
                .extracting(CertificateTimeline.Mark::on)
                .containsExactly(LocalDate.parse("2019-10-01"));
    }

    @Test
    void aSuspensionStillRunningStopsAtTheDateAskedSinceWhatFollowsIsNotKnown() {
        CertificateTimeline timeline = CertificateTimeline.of(
                List.of(certificate(
                        "a",
                        "2019-01-01",
                        "2022-01-01",
                        CertificationStatus.SUSPENDED,
                        change("SUSPENDED", "2020-03-01"))),
                LocalDate.parse("2020-05-01"));
        CertificateTimeline.Row row = timeline.rows().get(0);
        assertThat(row.suspensions()).singleElement().satisfies(s -> {
            assertThat(s.to()).isEqualTo("2020-05-01");
            assertThat(s.x() + s.width()).isEqualTo(timeline.asked().x(), org.assertj.core.data.Offset.offset(0.11));
        });
        assertThat(row.window().to()).isEqualTo("2022-01-01");
        assertThat(row.withdrawal()).isNull();
    }

    @Test
    void rowsStackInTheOrderGivenAndTheDrawingGrowsWithThem() {
        CertificateTimeline one = CertificateTimeline.of(
                List.of(certificate("a", "2019-01-01", "2022-01-01", CertificationStatus.VALID)),
                LocalDate.parse("2020-01-01"));
        CertificateTimeline two = CertificateTimeline.of(
                List.of(
                        certificate("a", "2019-01-01", "2022-01-01", CertificationStatus.VALID),
                        certificate("b", "2020-01-01", "2023-01-01", CertificationStatus.VALID)),
                LocalDate.parse("2020-01-01"));
        assertThat(two.rows())
                .extracting(CertificateTimeline.Row::certificationId)
                .containsExactly("a", "b");
        assertThat(two.rows().get(1).barY() - two.rows().get(0).barY()).isEqualTo(CertificateTimeline.ROW_HEIGHT);
        assertThat(two.height() - one.height()).isEqualTo(CertificateTimeline.ROW_HEIGHT);
    }

    @Test
    void aLongHistoryGetsFewerTicks() {
        CertificateTimeline timeline = CertificateTimeline.of(
                List.of(certificate("a", "1990-01-01", "2030-01-01", CertificationStatus.VALID)),
                LocalDate.parse("2020-01-01"));
        assertThat(timeline.ticks().size()).isLessThanOrEqualTo(CertificateTimeline.MAX_TICKS + 1);
        assertThat(timeline.ticks().get(0).year()).isEqualTo(1990);
    }

    @Test
    void noCertificateDrawsNothing() {
        assertThat(CertificateTimeline.of(List.of(), LocalDate.parse("2020-01-01")))
                .isNull();
    }
}
