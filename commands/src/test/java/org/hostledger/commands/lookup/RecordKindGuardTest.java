package org.hostledger.commands.lookup;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hostledger.commands.TestRecords.SOURCES;
import static org.hostledger.commands.TestRecords.d;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.hostledger.commands.TestRecords;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.command.SuspendCertification;
import org.hostledger.core.rule.IdAlreadyTaken;
import org.hostledger.core.rule.UnknownRecord;
import org.junit.jupiter.api.Test;

class RecordKindGuardTest {

    private final RecordKindGuard guard = new RecordKindGuard(new TestRecords()
            .with("ovh", RecordKind.HOST)
            .with("ovh-hds", RecordKind.CERTIFICATION)
            .atVersion("ovh-hds", 3));

    @Test
    void idsAreUniqueAcrossTheWholeLedger() {
        assertThatThrownBy(
                        () -> guard.check(new RegisterHost("ovh-hds", "X", "FR", null, null, d("2020-01-01"), SOURCES)))
                .isInstanceOf(IdAlreadyTaken.class)
                .hasMessage("the id 'ovh-hds' is already taken");
    }

    @Test
    void aNewIdPasses() {
        assertThatCode(() -> guard.check(new RegisterHost("new", "X", "FR", null, null, d("2020-01-01"), SOURCES)))
                .doesNotThrowAnyException();
    }

    @Test
    void aCommandOnAnUnknownRecordIsRefused() {
        assertThatThrownBy(() -> guard.check(new SuspendCertification("nope", d("2020-01-01"), "r", SOURCES, null)))
                .isInstanceOf(UnknownRecord.class)
                .hasMessage("no certification with id 'nope'");
    }

    @Test
    void aCommandOnARecordOfAnotherKindIsRefused() {
        assertThatThrownBy(() -> guard.check(new SuspendCertification("ovh", d("2020-01-01"), "r", SOURCES, null)))
                .isInstanceOf(UnknownRecord.class);
    }

    @Test
    void aCommandExpectingAnotherVersionIsRefusedBeforeItsRulesAreChecked() {
        assertThatThrownBy(() -> guard.check(new SuspendCertification("ovh-hds", d("2020-01-01"), "r", SOURCES, 2L)))
                .isInstanceOf(ConflictingAggregateVersionException.class);
    }

    @Test
    void aCommandExpectingTheCurrentVersionPasses() {
        assertThatCode(() -> guard.check(new SuspendCertification("ovh-hds", d("2020-01-01"), "r", SOURCES, 3L)))
                .doesNotThrowAnyException();
    }

    @Test
    void aCommandOnAnExistingRecordOfItsKindPasses() {
        assertThatCode(() -> guard.check(new SuspendCertification("ovh-hds", d("2020-01-01"), "r", SOURCES, null)))
                .doesNotThrowAnyException();
    }
}
