package org.hostledger.api.pages;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hostledger.core.query.DecisionView;

/**
 * What followed a decision, in one list ordered by effective date: challenges, migration plans and its end. The
 * projection keeps them apart because they are different facts; a reader wants the story in order.
 */
final class DecisionTimeline {

    enum Kind {
        CHALLENGE,
        MIGRATION_PLAN,
        ENDING
    }

    /** One entry: exactly one of {@code challenge}, {@code plan}, {@code ending} is set, as {@code kind} says. */
    record Entry(
            LocalDate effectiveOn,
            Kind kind,
            DecisionView.Challenge challenge,
            DecisionView.MigrationPlan plan,
            DecisionView.Ending ending) {}

    private DecisionTimeline() {}

    static List<Entry> of(DecisionView decision) {
        List<Entry> entries = new ArrayList<>();
        for (DecisionView.Challenge challenge : decision.challenges()) {
            entries.add(new Entry(challenge.effectiveOn(), Kind.CHALLENGE, challenge, null, null));
        }
        for (DecisionView.MigrationPlan plan : decision.migrationPlans()) {
            entries.add(new Entry(plan.effectiveOn(), Kind.MIGRATION_PLAN, null, plan, null));
        }
        if (decision.ending() != null) {
            entries.add(new Entry(decision.ending().effectiveOn(), Kind.ENDING, null, null, decision.ending()));
        }
        // Stable sort: on the same day, challenges come before plans and the end, each in recorded order.
        entries.sort(Comparator.comparing(Entry::effectiveOn));
        return entries;
    }
}
