package org.hostledger.projections.hostingmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.hostledger.core.query.DecisionStatus;
import org.junit.jupiter.api.Test;

/** The typed kinds of {@code rm_decision_event} and the statuses they move a decision through. */
class DecisionChangeKindsTest {

    private static final LocalDate ON = LocalDate.of(2022, 1, 10);

    private static final DecisionState ACTIVE = new DecisionState(
            "controller",
            "system",
            "h",
            "1",
            LocalDate.of(2019, 4, 15),
            "PUBLIC_TENDER",
            null,
            null,
            "[]",
            DecisionStatus.ACTIVE,
            null,
            null,
            null,
            "[]",
            null);

    @Test
    void theStoredNamesAreTheOnesTheTableHolds() {
        assertThat(Arrays.stream(DecisionChange.Kind.values()).map(Enum::name))
                .containsExactly("CHALLENGED", "MIGRATION_PLANNED", "ENDED", "CORRECTED");
    }

    @Test
    void timelinesAreFoldedFromMigrationPlansAndEndingsOnly() {
        assertThat(DecisionChange.STATUS_KINDS).isEqualTo("'MIGRATION_PLANNED', 'ENDED'");
    }

    @Test
    void aPlanMakesAnActiveDecisionMigratingAndAnEndingEndsIt() {
        DecisionState migrating = change(DecisionChange.Kind.MIGRATION_PLANNED).applyTo(ACTIVE);
        DecisionState ended = new DecisionChange(DecisionChange.Kind.ENDED, ON, 2, "moved", "d-2").applyTo(migrating);

        assertThat(migrating.status()).isEqualTo(DecisionStatus.MIGRATING);
        assertThat(ended.status()).isEqualTo(DecisionStatus.ENDED);
        assertThat(ended.endedOn()).isEqualTo(ON);
        assertThat(ended.supersededBy()).isEqualTo("d-2");
        assertThat(ended.values()).contains("ENDED");
    }

    @Test
    void aPlanAfterTheEndChangesNothing() {
        DecisionState ended = change(DecisionChange.Kind.ENDED).applyTo(ACTIVE);

        assertThat(change(DecisionChange.Kind.MIGRATION_PLANNED).applyTo(ended)).isEqualTo(ended);
    }

    @Test
    void challengesAndCorrectionsLeaveTheStatus() {
        assertThat(change(DecisionChange.Kind.CHALLENGED).applyTo(ACTIVE)).isEqualTo(ACTIVE);
        assertThat(change(DecisionChange.Kind.CORRECTED).applyTo(ACTIVE)).isEqualTo(ACTIVE);
    }

    private static DecisionChange change(DecisionChange.Kind kind) {
        return new DecisionChange(kind, ON, 1, null, null);
    }
}
