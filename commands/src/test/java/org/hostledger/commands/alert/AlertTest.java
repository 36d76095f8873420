package org.hostledger.commands.alert;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hostledger.core.alert.AlertKeys;
import org.hostledger.core.alert.AlertKind;
import org.hostledger.core.command.RecordAlert;
import org.hostledger.core.event.AlertRecorded;
import org.hostledger.core.rule.RuleViolation;
import org.junit.jupiter.api.Test;

class AlertTest {

    private static final LocalDate TODAY = LocalDate.parse("2026-12-01");
    private static final String KEY = AlertKeys.of(AlertKind.CERTIFICATE_EXPIRING, "ovh-hds", "2027-02-01");

    private final AggregateTestFixture<Alert> fixture = new AggregateTestFixture<>(Alert.class);

    private static RecordAlert command(String key) {
        return new RecordAlert(
                key,
                AlertKind.CERTIFICATE_EXPIRING,
                "ovh-hds",
                "ovh",
                "2027-02-01",
                List.of("hdh-azure"),
                LocalDate.parse("2027-02-01"),
                null,
                TODAY);
    }

    @Test
    void anOccurrenceIsRecordedWithTheJobAsItsSource() {
        fixture.givenNoPriorActivity()
                .when(command(KEY))
                .expectEvents(new AlertRecorded(
                        KEY,
                        AlertKind.CERTIFICATE_EXPIRING,
                        "ovh-hds",
                        "ovh",
                        "2027-02-01",
                        List.of("hdh-azure"),
                        LocalDate.parse("2027-02-01"),
                        List.of(),
                        TODAY,
                        List.of(Alert.SOURCE)));
    }

    @Test
    void anIdThatIsNotItsKindRecordAndOccurrenceIsRefused() {
        fixture.givenNoPriorActivity()
                .when(command(AlertKeys.of(AlertKind.CERTIFICATE_EXPIRING, "ovh-hds", "2027-03-01")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
