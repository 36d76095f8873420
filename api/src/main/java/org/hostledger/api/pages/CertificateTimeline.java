package org.hostledger.api.pages;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.hostledger.core.query.CertificationStatus;
import org.hostledger.core.query.CertificationView;

/**
 * A host's certificates on one time axis, as SVG coordinates: one bar per validity window, with suspended spans,
 * renewals and withdrawals marked, and a line on the date asked. Computed here so that the template only places
 * shapes, and the drawing works without JavaScript and in print.
 *
 * @param width the drawing's width in SVG units (its viewBox; the page scales it)
 * @param height the drawing's height in SVG units
 * @param axisY where the year ticks stand
 * @param ticks one per labelled year
 * @param rows one per certificate, in the order given
 * @param asked the vertical line of the date asked
 */
record CertificateTimeline(int width, int height, double axisY, List<Tick> ticks, List<Row> rows, Mark asked) {

    static final int WIDTH = 800;
    static final int LABELS = 180;
    static final int RIGHT_MARGIN = 20;
    static final int TOP = 30;
    static final int ROW_HEIGHT = 34;
    static final int BAR_HEIGHT = 14;
    static final int MAX_TICKS = 12;

    record Tick(double x, int year) {}

    record Mark(double x, LocalDate on) {}

    record Span(double x, double width, LocalDate from, LocalDate to) {}

    /**
     * @param labelY the baseline of the certificate's name
     * @param barY the top of its bar
     * @param window the validity window, ending early where the certificate was withdrawn
     * @param withdrawal null unless withdrawn by the date asked
     */
    record Row(
            String certificationId,
            String label,
            CertificationStatus status,
            double labelY,
            double barY,
            Span window,
            List<Span> suspensions,
            List<Mark> renewals,
            Mark withdrawal) {}

    /** The drawing for these certificates, each with the changes known on the date asked; null when there is none. */
    static CertificateTimeline of(List<CertificationView> certificates, LocalDate asked) {
        if (certificates.isEmpty()) {
            return null;
        }
        LocalDate first = asked;
        LocalDate last = asked;
        for (CertificationView c : certificates) {
            first = min(first, c.validFrom());
            last = max(last, c.validUntil());
        }
        Axis axis = new Axis(LocalDate.of(first.getYear(), 1, 1), LocalDate.of(last.getYear() + 1, 1, 1));
        List<Row> rows = new ArrayList<>();
        for (CertificationView c : certificates) {
            rows.add(row(c, axis, asked, TOP + 8 + rows.size() * ROW_HEIGHT));
        }
        int height = TOP + 8 + rows.size() * ROW_HEIGHT + 6;
        return new CertificateTimeline(WIDTH, height, TOP - 10, axis.ticks(), rows, axis.mark(asked));
    }

    private static Row row(CertificationView c, Axis axis, LocalDate asked, double top) {
        List<Span> suspensions = new ArrayList<>();
        List<Mark> renewals = new ArrayList<>();
        LocalDate suspendedSince = null;
        LocalDate withdrawnOn = null;
        List<CertificationView.Change> changes = c.changes() == null ? List.of() : c.changes();
        for (CertificationView.Change change : changes) {
            switch (change.kind()) {
                case "SUSPENDED" -> suspendedSince = suspendedSince == null ? change.effectiveOn() : suspendedSince;
                case "REINSTATED", "WITHDRAWN" -> {
                    if (suspendedSince != null) {
                        suspensions.add(axis.span(suspendedSince, change.effectiveOn()));
                        suspendedSince = null;
                    }
                    if (change.kind().equals("WITHDRAWN")) {
                        withdrawnOn = change.effectiveOn();
                    }
                }
                case "RENEWED" -> renewals.add(axis.mark(change.effectiveOn()));
                default -> {
                    // Scope changes alter the activities, not the window: the table beside the drawing shows them.
                }
            }
        }
        LocalDate end = withdrawnOn != null ? min(withdrawnOn, c.validUntil()) : c.validUntil();
        if (suspendedSince != null) {
            // Still suspended on the date asked: what follows is not known yet, so the span stops there.
            suspensions.add(axis.span(suspendedSince, max(suspendedSince, min(asked, end))));
        }
        String label = c.scheme() + (c.referential() == null ? "" : " " + c.referential());
        return new Row(
                c.id(),
                label,
                c.status(),
                top + BAR_HEIGHT - 2,
                top + 2,
                axis.span(c.validFrom(), end),
                suspensions,
                renewals,
                withdrawnOn == null ? null : axis.mark(withdrawnOn));
    }

    /** Dates to x coordinates between the label column and the right margin. */
    private record Axis(LocalDate start, LocalDate end) {

        double x(LocalDate date) {
            double days = ChronoUnit.DAYS.between(start, date);
            double total = ChronoUnit.DAYS.between(start, end);
            return round(LABELS + days / total * (WIDTH - LABELS - RIGHT_MARGIN));
        }

        Span span(LocalDate from, LocalDate to) {
            return new Span(x(from), round(x(to) - x(from)), from, to);
        }

        Mark mark(LocalDate on) {
            return new Mark(x(on), on);
        }

        List<Tick> ticks() {
            int years = end.getYear() - start.getYear();
            int step = (years + MAX_TICKS - 1) / MAX_TICKS;
            List<Tick> ticks = new ArrayList<>();
            for (int year = start.getYear(); year <= end.getYear(); year += step) {
                ticks.add(new Tick(x(LocalDate.of(year, 1, 1)), year));
            }
            return ticks;
        }

        private static double round(double value) {
            return Math.round(value * 10) / 10.0;
        }
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }
}
