package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.hostledger.core.query.DecisionView;
import org.junit.jupiter.api.Test;

class DecisionTimelineTest {

    private static DecisionView.Challenge challenge(String on, String by) {
        return new DecisionView.Challenge(LocalDate.parse(on), null, by, "argument", null, null, List.of());
    }

    private static DecisionView.MigrationPlan plan(String on) {
        return new DecisionView.MigrationPlan(LocalDate.parse(on), null, null, "target", null, "why", List.of());
    }

    private static DecisionView decision(
            List<DecisionView.Challenge> challenges, List<DecisionView.MigrationPlan> plans, DecisionView.Ending end) {
        return new DecisionView(
                "d",
                "controller",
                "system",
                null,
                List.of(1),
                LocalDate.parse("2019-12-01"),
                null,
                null,
                "why",
                List.of(),
                null,
                end,
                challenges,
                plans,
                challenges.size(),
                plans.size(),
                List.of(),
                null,
                null,
                List.of(),
                0);
    }

    @Test
    void challengesPlansAndTheEndMergeInEffectiveDateOrder() {
        DecisionView.Ending end = new DecisionView.Ending(LocalDate.parse("2021-01-01"), "moved", null, List.of());
        List<DecisionTimeline.Entry> entries = DecisionTimeline.of(decision(
                List.of(challenge("2020-05-27", "Senate"), challenge("2020-10-13", "Court")),
                List.of(plan("2020-06-30")),
                end));
        assertThat(entries)
                .extracting(DecisionTimeline.Entry::effectiveOn)
                .extracting(LocalDate::toString)
                .containsExactly("2020-05-27", "2020-06-30", "2020-10-13", "2021-01-01");
        assertThat(entries)
                .extracting(DecisionTimeline.Entry::kind)
                .containsExactly(
                        DecisionTimeline.Kind.CHALLENGE,
                        DecisionTimeline.Kind.MIGRATION_PLAN,
                        DecisionTimeline.Kind.CHALLENGE,
                        DecisionTimeline.Kind.ENDING);
        assertThat(entries.get(0).challenge().by()).isEqualTo("Senate");
        assertThat(entries.get(3).ending()).isSameAs(end);
    }

    @Test
    void onTheSameDayAChallengeComesBeforeAPlanInTheOrderRecorded() {
        List<DecisionTimeline.Entry> entries = DecisionTimeline.of(decision(
                List.of(challenge("2020-05-27", "first"), challenge("2020-05-27", "second")),
                List.of(plan("2020-05-27")),
                null));
        assertThat(entries)
                .extracting(DecisionTimeline.Entry::kind)
                .containsExactly(
                        DecisionTimeline.Kind.CHALLENGE,
                        DecisionTimeline.Kind.CHALLENGE,
                        DecisionTimeline.Kind.MIGRATION_PLAN);
        assertThat(entries.get(0).challenge().by()).isEqualTo("first");
    }

    @Test
    void aDecisionWithNothingAfterItHasAnEmptyTimeline() {
        assertThat(DecisionTimeline.of(decision(List.of(), List.of(), null))).isEmpty();
    }
}
