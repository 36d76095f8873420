package org.hostledger.api.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hostledger.api.IntegrationTest;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.commands.lookup.PendingRecords;
import org.hostledger.core.command.GrantCertification;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.command.SuspendCertification;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.rule.IdAlreadyTaken;
import org.hostledger.core.rule.RuleViolation;
import org.hostledger.store.engine.EventStoreRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Commands sent together ({@link LedgerCommands#sendTogether}, what a register import does) go through the same
 * handlers and rules as one by one, see what earlier commands of the batch recorded, and commit together or not at
 * all.
 */
class LedgerCommandsTogetherTest extends IntegrationTest {

    private static final List<SourceNote> SOURCES =
            List.of(SourceNote.of("A test source", "https://example.org/source", LocalDate.of(2020, 1, 1)));

    @Autowired
    private LedgerCommands commands;

    @Autowired
    private EventStoreRecords records;

    @Autowired
    private KnownRecords knownRecords;

    @Autowired
    private CommandGateway commandGateway;

    @Autowired
    private TransactionManager transactionManager;

    private static RegisterHost host(String id) {
        return new RegisterHost(id, "Host " + id, "FR", null, null, LocalDate.of(2018, 1, 1), SOURCES);
    }

    private static GrantCertification certificate(String id, String hostId) {
        return new GrantCertification(
                id,
                hostId,
                "HDS",
                "HDS v1",
                "A certifier",
                List.of(1, 2),
                null,
                LocalDate.of(2019, 1, 1),
                LocalDate.of(2022, 1, 1),
                SOURCES);
    }

    @Test
    void laterCommandsSeeWhatEarlierOnesRecordedAndAllCommitInOneAppend() {
        String hostId = id("together-host");
        String certificationId = id("together-cert");
        long before = eventCount();

        LedgerCommands.Positions written = commands.sendTogether(
                List.of(
                        host(hostId),
                        // The host exists only in this batch: set validation must find it there.
                        certificate(certificationId, hostId),
                        // Expects the version the grant left, pending too.
                        new SuspendCertification(
                                certificationId, LocalDate.of(2020, 6, 1), "a test suspension", SOURCES, 0L)),
                "test-editor",
                null);

        assertThat(eventCount() - before).isEqualTo(3);
        assertThat(written.to() - written.from()).isEqualTo(2);
        assertThat(records.kindOf(hostId)).contains(RecordKind.HOST);
        assertThat(records.versionOf(certificationId)).hasValue(1);
        List<Long> indexes = jdbc.queryForList(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier IN (?, ?) ORDER BY global_index",
                Long.class,
                hostId,
                certificationId);
        assertThat(indexes).containsExactly(written.from(), written.from() + 1, written.to());
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(DISTINCT time_stamp) FROM domain_event_entry WHERE aggregate_identifier IN (?, ?)",
                        Long.class,
                        hostId,
                        certificationId))
                .as("one append: one recorded instant for the batch")
                .isEqualTo(1);
    }

    @Test
    void aRefusedCommandRecordsNothingOfItsBatch() {
        String hostId = id("together-host");
        long before = eventCount();

        assertThatThrownBy(() -> commands.sendTogether(
                        List.of(host(hostId), certificate(id("together-cert"), id("together-missing-host"))),
                        "test-editor",
                        null))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("no host");

        assertThat(eventCount()).isEqualTo(before);
        assertThat(records.kindOf(hostId))
                .as("the host before the refused command is rolled back")
                .isEmpty();

        // The aggregates the refused batch touched are not left behind in the cache: the same id can be used again.
        commands.sendTogether(List.of(host(hostId)), "test-editor", null);
        assertThat(records.versionOf(hostId)).hasValue(0);
    }

    @Test
    void anIdTakenEarlierInTheBatchIsRefused() {
        String hostId = id("together-host");
        long before = eventCount();
        List<LedgerCommand> twice = List.of(host(hostId), host(hostId));

        assertThatThrownBy(() -> commands.sendTogether(twice, "test-editor", null))
                .isInstanceOf(IdAlreadyTaken.class);
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void theStoreReadsTheKindsOfManyIdsAtOnce() {
        String hostId = id("together-host");
        String certificationId = id("together-cert");
        commands.sendTogether(List.of(host(hostId), certificate(certificationId, hostId)), "test-editor", null);
        List<String> ids = new ArrayList<>();
        for (int n = 0; n < 1200; n++) {
            ids.add(id("together-absent"));
        }
        ids.add(600, hostId);
        ids.add(hostId);
        ids.add(certificationId);

        assertThat(records.kindsOf(ids))
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(hostId, RecordKind.HOST, certificationId, RecordKind.CERTIFICATION));
    }

    @Test
    void anIdAnotherWriterTakesAfterTheBatchBeganRefusesTheWholeBatch() throws Exception {
        String earlier = id("together-host");
        String raced = id("together-host");
        long before = eventCount();
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        try {
            batch.attachTransaction(transactionManager);
            PendingRecords.open(batch);
            // The batch reads the kinds of its targets once: both are free.
            assertThat(knownRecords.kindsOf(List.of(earlier, raced))).isEmpty();
            commandGateway.sendAndWait(host(earlier));
            // Meanwhile another writer records one of them, in a transaction of its own.
            ExecutorService other = Executors.newSingleThreadExecutor();
            try {
                other.submit(() -> commands.sendAs(host(raced), "other-editor", null))
                        .get(30, TimeUnit.SECONDS);
            } finally {
                other.shutdownNow();
            }
            // The batch still takes it for free; the store's unique key has the last word.
            commandGateway.sendAndWait(host(raced));
        } catch (RuntimeException | Error e) {
            batch.rollback(e);
            throw e;
        }
        assertThatThrownBy(batch::commit).isInstanceOf(Exception.class);

        assertThat(eventCount() - before).as("only the other writer's event").isEqualTo(1);
        assertThat(records.kindOf(earlier)).isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, raced))
                .isEqualTo(1);
    }

    @Test
    void anEmptyBatchRecordsNothing() {
        long before = eventCount();
        assertThat(commands.sendTogether(List.of(), "test-editor", null)).isNull();
        assertThat(eventCount()).isEqualTo(before);
    }
}
