package org.hostledger.commands.register;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.hostledger.core.command.DelistRegisterEntry;
import org.hostledger.core.command.RecordRegisterEntry;
import org.hostledger.core.command.RecordRegisterSnapshot;
import org.hostledger.core.event.RegisterEntryChanged;
import org.hostledger.core.event.RegisterEntryDelisted;
import org.hostledger.core.event.RegisterEntryListed;
import org.hostledger.core.event.RegisterEntryRelisted;
import org.hostledger.core.event.RegisterSnapshotImported;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.RegisterFinding;
import org.hostledger.core.rule.RuleViolation;
import org.junit.jupiter.api.Test;

class RegisterEntryTest {

    private static final String KEY = "fedramp:F123";
    private static final RegisterCitation FEB = citation("2023-02-15T19:42:00Z", "aa");
    private static final RegisterCitation MAR = citation("2023-03-01T05:48:43Z", "bb");
    private static final RegisterCitation APR = citation("2023-04-01T04:48:45Z", "cc");
    private static final RegisterEntryFacts IN_PROCESS =
            new RegisterEntryFacts("Cloud", "Acme", "FedRAMP In Process", "IN_PROCESS", "Moderate", "Coalfire");
    private static final RegisterEntryFacts AUTHORIZED =
            new RegisterEntryFacts("Cloud", "Acme", "FedRAMP Authorized", "AUTHORIZED", "High", "Coalfire");

    private final AggregateTestFixture<RegisterEntry> entries = new AggregateTestFixture<>(RegisterEntry.class);
    private final AggregateTestFixture<Register> registers = new AggregateTestFixture<>(Register.class);

    private static RegisterCitation citation(String publishedAt, String sha) {
        return new RegisterCitation("fedramp", Instant.parse(publishedAt), sha, null);
    }

    private static RegisterEntryListed listed() {
        return new RegisterEntryListed(
                KEY, FEB, "F123", IN_PROCESS, LocalDate.parse("2023-02-15"), List.of(FEB.note()));
    }

    @Test
    void aNewEntryIsListedCitingItsSnapshot() {
        entries.givenNoPriorActivity()
                .when(new RecordRegisterEntry(KEY, true, FEB, "F123", IN_PROCESS, LocalDate.parse("2023-02-15")))
                .expectEvents(listed());
    }

    @Test
    void changedFactsAreRecordedWithWhatChanged() {
        entries.given(listed())
                .when(new RecordRegisterEntry(KEY, false, MAR, "F123", AUTHORIZED, LocalDate.parse("2023-02-20")))
                .expectEvents(new RegisterEntryChanged(
                        KEY,
                        MAR,
                        "F123",
                        IN_PROCESS,
                        AUTHORIZED,
                        List.of("status", "level"),
                        LocalDate.parse("2023-02-20"),
                        List.of(MAR.note())));
    }

    @Test
    void sameFactsAreNotAChange() {
        entries.given(listed())
                .when(new RecordRegisterEntry(KEY, false, MAR, "F123", IN_PROCESS, LocalDate.parse("2023-03-01")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotTakeEffectAfterThePublicationThatShowsIt() {
        entries.given(listed())
                .when(new RecordRegisterEntry(KEY, false, MAR, "F123", AUTHORIZED, LocalDate.parse("2023-03-02")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void cannotTakeEffectBeforeTheEntrysLatestChange() {
        entries.given(listed())
                .when(new RecordRegisterEntry(KEY, false, MAR, "F123", AUTHORIZED, LocalDate.parse("2022-12-01")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void anAbsentEntryIsDelistedOnceThenRelisted() {
        Instant lastSeen = FEB.publishedAt();
        RegisterEntryDelisted delisted = new RegisterEntryDelisted(
                KEY, MAR, "F123", lastSeen, LocalDate.parse("2023-03-01"), List.of(MAR.note()));
        entries.given(listed())
                .when(new DelistRegisterEntry(KEY, MAR, lastSeen, LocalDate.parse("2023-03-01")))
                .expectEvents(delisted);
        entries.given(listed(), delisted)
                .when(new DelistRegisterEntry(KEY, APR, lastSeen, LocalDate.parse("2023-04-01")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
        entries.given(listed(), delisted)
                .when(new RecordRegisterEntry(KEY, false, APR, "F123", AUTHORIZED, LocalDate.parse("2023-04-01")))
                .expectEvents(new RegisterEntryRelisted(
                        KEY, APR, "F123", AUTHORIZED, LocalDate.parse("2023-04-01"), List.of(APR.note())));
    }

    @Test
    void anOlderSnapshotCannotChangeAnEntry() {
        entries.given(new RegisterEntryListed(
                        KEY, MAR, "F123", IN_PROCESS, LocalDate.parse("2023-01-01"), List.of(MAR.note())))
                .when(new RecordRegisterEntry(KEY, false, FEB, "F123", AUTHORIZED, LocalDate.parse("2023-02-01")))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    private static RegisterSnapshotImported imported(RegisterCitation citation) {
        return new RegisterSnapshotImported(
                "register:fedramp",
                citation,
                1,
                Map.of("listed", 1),
                List.of(new RegisterFinding("$.data.Products[0].status", "F123", "status", "EMPTY", "")),
                citation.publishedOn(),
                List.of(citation.note()));
    }

    @Test
    void aSnapshotIsRecordedLast() {
        registers
                .givenNoPriorActivity()
                .when(new RecordRegisterSnapshot(
                        "register:fedramp",
                        true,
                        FEB,
                        1,
                        Map.of("listed", 1),
                        List.of(new RegisterFinding("$.data.Products[0].status", "F123", "status", "EMPTY", ""))))
                .expectEvents(imported(FEB));
    }

    @Test
    void aSnapshotOlderThanTheLatestIsRefused() {
        registers
                .given(imported(MAR))
                .when(new RecordRegisterSnapshot("register:fedramp", false, FEB, 1, Map.of(), List.of()))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void theSameFileIsNeverImportedTwice() {
        registers
                .given(imported(FEB))
                .when(new RecordRegisterSnapshot(
                        "register:fedramp", false, citation("2023-05-01T00:00:00Z", "aa"), 1, Map.of(), List.of()))
                .expectException(RuleViolation.class)
                .expectNoEvents();
    }
}
