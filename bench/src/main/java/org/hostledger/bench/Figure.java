package org.hostledger.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One measured figure: the median of its repetitions, with their minimum and maximum, beside its ceiling. For rates
 * higher is better and the target is a lower bound of {@code ratio = value / ceiling}; for latencies, sizes and
 * memory lower is better and the target is an upper bound.
 */
public record Figure(
        String name,
        double value,
        double min,
        double max,
        String unit,
        double ceiling,
        double ratio,
        String target,
        boolean met,
        int repetitions,
        String note) {

    /** Higher is better: met when value / ceiling ≥ bound. */
    public static Figure atLeast(
            String name, List<Double> values, String unit, List<Double> ceilings, double bound, String note) {
        double value = median(values);
        double ceiling = median(ceilings);
        double ratio = ceiling == 0 ? 0 : value / ceiling;
        return new Figure(
                name,
                value,
                Collections.min(values),
                Collections.max(values),
                unit,
                ceiling,
                ratio,
                "≥ " + bound,
                ratio >= bound,
                values.size(),
                note);
    }

    /** Lower is better: met when value / ceiling ≤ bound. */
    public static Figure atMost(
            String name, List<Double> values, String unit, double ceiling, double bound, String note) {
        double value = median(values);
        double ratio = ceiling == 0 ? 0 : value / ceiling;
        return new Figure(
                name,
                value,
                Collections.min(values),
                Collections.max(values),
                unit,
                ceiling,
                ratio,
                "≤ " + bound,
                ratio <= bound,
                values.size(),
                note);
    }

    /** A comparison, not judged: {@code ratio = value / other}, the other shown where a ceiling stands. */
    public static Figure versus(String name, List<Double> values, String unit, List<Double> others, String note) {
        double value = median(values);
        double other = median(others);
        return new Figure(
                name,
                value,
                Collections.min(values),
                Collections.max(values),
                unit,
                other,
                other == 0 ? 0 : value / other,
                "—",
                false,
                values.size(),
                note);
    }

    /** Reported, not judged. */
    public static Figure info(String name, List<Double> values, String unit, String note) {
        double value = median(values);
        return new Figure(
                name,
                value,
                Collections.min(values),
                Collections.max(values),
                unit,
                0,
                0,
                "—",
                true,
                values.size(),
                note);
    }

    static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** The p-th percentile (0–100) of a sample, nearest-rank; NaN for an empty sample (nothing completed). */
    static double percentile(List<Double> sample, double p) {
        if (sample.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(sample);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }
}
