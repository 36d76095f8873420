package org.hostledger.projections.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiFunction;

/** Folds a record's base state and its dated changes into a timeline of segments. */
public final class Timelines {

    private Timelines() {}

    /**
     * The timeline from {@code start}: changes apply in the order of their effective dates (then of recording);
     * changes that leave the state as it was add no segment, and several changes on one day make one segment.
     */
    public static <S, C extends Change> List<Segment<S>> fold(
            LocalDate start, S initial, List<C> changes, BiFunction<S, C, S> apply) {
        List<C> ordered = new ArrayList<>(changes);
        ordered.sort(Comparator.comparing(Change::effectiveOn).thenComparingLong(Change::seq));
        List<Segment<S>> segments = new ArrayList<>();
        LocalDate from = start;
        S state = initial;
        for (C change : ordered) {
            LocalDate on = change.effectiveOn().isBefore(start) ? start : change.effectiveOn();
            S next = apply.apply(state, change);
            if (next.equals(state)) {
                continue;
            }
            if (on.isAfter(from)) {
                segments.add(new Segment<>(from, on, state));
                from = on;
            }
            state = next;
        }
        segments.add(new Segment<>(from, Bitemporal.OPEN_DATE, state));
        return merge(segments);
    }

    /** Adjacent segments with equal states become one. */
    private static <S> List<Segment<S>> merge(List<Segment<S>> segments) {
        List<Segment<S>> merged = new ArrayList<>();
        for (Segment<S> segment : segments) {
            if (!merged.isEmpty() && merged.get(merged.size() - 1).state().equals(segment.state())) {
                Segment<S> previous = merged.remove(merged.size() - 1);
                merged.add(new Segment<>(previous.from(), segment.to(), segment.state()));
            } else {
                merged.add(segment);
            }
        }
        return merged;
    }
}
