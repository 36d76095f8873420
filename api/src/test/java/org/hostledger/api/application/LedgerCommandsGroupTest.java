package org.hostledger.api.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.model.SourceNote;
import org.hostledger.store.WritePositions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Group commit in {@link LedgerCommands}: commands sent while a group is written are written together, in one
 * transaction; a refused one is answered with its refusal and the group runs again without it; a group whose commit
 * fails runs each command alone.
 */
class LedgerCommandsGroupTest {

    private static final List<SourceNote> SOURCES =
            List.of(SourceNote.of("A test source", "https://example.org/source", LocalDate.of(2020, 1, 1)));

    private final ExecutorService callers = Executors.newCachedThreadPool();
    /** What the command bus was asked, in order: the hosts' ids. */
    private final List<String> sent = Collections.synchronizedList(new ArrayList<>());
    /** What each transaction of a group ended with. */
    private final List<String> transactions = Collections.synchronizedList(new ArrayList<>());

    private final CountDownLatch firstRunning = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch holdRunning = new CountDownLatch(1);
    private final CountDownLatch releaseHold = new CountDownLatch(1);
    private boolean failFirstCommit;
    private RuntimeException commitFailure = new IllegalStateException("the append lost a race");
    private boolean failTransactionStart;

    @AfterEach
    void stop() throws InterruptedException {
        release.countDown();
        releaseHold.countDown();
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRefusedCommandIsAnsweredWithItsRefusalAndTheRestOfItsGroupIsWrittenWithoutIt() throws Exception {
        LedgerCommands commands = commands();
        List<Future<WriteResult>> answers = sendWhileTheFirstRuns(commands, "first", "a", "refused", "c");

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS).id()).isEqualTo("first");
        assertThat(answers.get(1).get(10, TimeUnit.SECONDS).id()).isEqualTo("a");
        assertThatThrownBy(() -> answers.get(2).get(10, TimeUnit.SECONDS)).hasMessageContaining("refused is taken");
        assertThat(answers.get(3).get(10, TimeUnit.SECONDS).id()).isEqualTo("c");
        // The first alone (the command bus's own transaction); then the group, rolled back at its refusal and run
        // again without it, in the same order, and committed once.
        assertThat(sent).containsExactly("first", "a", "refused", "a", "c");
        assertThat(transactions).containsExactly("rolled back", "committed");
    }

    @Test
    void pastTwoRefusalsTheRestOfAGroupRunsCommandByCommand() throws Exception {
        LedgerCommands commands = commands();
        List<Future<WriteResult>> answers =
                sendWhileTheFirstRuns(commands, "first", "a", "refused-1", "b", "refused-2", "c", "d");

        for (int i : new int[] {0, 1, 3, 5, 6}) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS).position()).isEqualTo(7L);
        }
        assertThatThrownBy(() -> answers.get(2).get(10, TimeUnit.SECONDS)).hasMessageContaining("refused-1 is taken");
        assertThatThrownBy(() -> answers.get(4).get(10, TimeUnit.SECONDS)).hasMessageContaining("refused-2 is taken");
        assertThat(sent)
                .containsExactly(
                        "first",
                        "a",
                        "refused-1",
                        "a",
                        "b",
                        "refused-2",
                        // alone from here on, each in the command bus's own transaction
                        "a",
                        "b",
                        "c",
                        "d");
        assertThat(transactions).containsExactly("rolled back", "rolled back");
        assertThat(LedgerCommands.MAX_REFUSALS_PER_GROUP).isEqualTo(2);
    }

    @Test
    void aGroupWhoseCommitFailsRunsEachOfItsCommandsAlone() throws Exception {
        failFirstCommit = true;
        LedgerCommands commands = commands();
        List<Future<WriteResult>> answers = sendWhileTheFirstRuns(commands, "first", "a", "b");

        for (int i = 0; i < 3; i++) {
            assertThat(answers.get(i).get(10, TimeUnit.SECONDS).position()).isEqualTo(7L);
        }
        assertThat(sent).containsExactly("first", "a", "b", "a", "b");
        // Axon rolls back a unit of work whose commit failed.
        assertThat(transactions).containsExactly("commit failed", "rolled back");
    }

    /** Alone, each would wait for a connection in turn: the last of a group of n would wait n pool time-outs. */
    @Test
    void aGroupThatCannotReachTheDatabaseAnswersEachOfItsCommandsThatAtOnce() throws Exception {
        failFirstCommit = true;
        commitFailure = new CannotGetJdbcConnectionException("Connection is not available, request timed out");
        LedgerCommands commands = commands();
        List<Future<WriteResult>> answers = sendWhileTheFirstRuns(commands, "first", "a", "b");

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS).id()).isEqualTo("first");
        assertFailed(answers.subList(1, 3), CannotGetJdbcConnectionException.class);
        assertThat(sent).as("not run again one by one").containsExactly("first", "a", "b");

        // Until a write commits again, writers are not queued behind each other: each runs alone, side by side.
        Future<WriteResult> held = callers.submit(() -> commands.sendAs(host("hold"), "test", null));
        assertThat(holdRunning.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(commands.sendAs(host("c"), "test", null).id()).isEqualTo("c");
        releaseHold.countDown();
        assertThat(held.get(10, TimeUnit.SECONDS).id()).isEqualTo("hold");
        assertThat(commands.queued()).isZero();
        assertThat(transactions).as("no group since").containsExactly("commit failed", "rolled back");
    }

    /** A command of the group that could not reach the database: the same for all, at once. */
    @Test
    void aCommandThatCannotReachTheDatabaseFailsItsWholeGroupAtOnce() throws Exception {
        LedgerCommands commands = commands();
        List<Future<WriteResult>> answers = sendWhileTheFirstRuns(commands, "first", "a", "unreachable", "b");

        assertFailed(answers.subList(1, 4), CannotGetJdbcConnectionException.class);
        assertThat(sent).containsExactly("first", "a", "unreachable");
        assertThat(transactions).containsExactly("rolled back");
    }

    /**
     * No connection for the group's transaction: Axon rolls the unit of work back itself, and the cause must reach
     * every command of the group at once (found in CI: each ran alone, one pool time-out after another).
     */
    @Test
    void aGroupWhoseTransactionCannotStartAnswersEachOfItsCommandsThatAtOnce() throws Exception {
        failTransactionStart = true;
        LedgerCommands commands = commands();
        List<Future<WriteResult>> answers = sendWhileTheFirstRuns(commands, "first", "a", "b");

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS).id()).isEqualTo("first");
        assertFailed(answers.subList(1, 3), CannotCreateTransactionException.class);
        assertThat(sent).as("not run again one by one").containsExactly("first");
        assertThat(transactions).isEmpty();
    }

    /** Run alone after a failed commit, the first command that cannot reach the database answers the rest too. */
    @Test
    void commandsRunAloneStopWaitingForTheDatabaseOnceOneCannotReachIt() throws Exception {
        failFirstCommit = true;
        LedgerCommands commands = commands();
        List<Future<WriteResult>> answers = sendWhileTheFirstRuns(commands, "first", "a", "unreachable-alone", "b");

        assertThat(answers.get(0).get(10, TimeUnit.SECONDS).id()).isEqualTo("first");
        assertThat(answers.get(1).get(10, TimeUnit.SECONDS).id()).isEqualTo("a");
        assertFailed(answers.subList(2, 4), CannotGetJdbcConnectionException.class);
        assertThat(sent).containsExactly("first", "a", "unreachable-alone", "b", "a", "unreachable-alone");
        assertThat(transactions).containsExactly("commit failed", "rolled back");
    }

    @Test
    void withAGroupOfOneEveryCommandCommitsAlone() throws Exception {
        LedgerCommands commands = commands(1);
        List<Future<WriteResult>> answers = new ArrayList<>();
        answers.add(callers.submit(() -> commands.sendAs(host("first"), "test", null)));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        answers.add(callers.submit(() -> commands.sendAs(host("a"), "test", null)));
        answers.add(callers.submit(() -> commands.sendAs(host("b"), "test", null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> sent.size() == 3);
        release.countDown();
        for (Future<WriteResult> answer : answers) {
            answer.get(10, TimeUnit.SECONDS);
        }
        assertThat(transactions).isEmpty();
    }

    /** Each of {@code answers} failed with {@code cause}. */
    private static void assertFailed(List<Future<WriteResult>> answers, Class<? extends Throwable> cause) {
        for (Future<WriteResult> answer : answers) {
            assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(cause);
        }
    }

    /** Sends the first command, and while the command bus holds it, each other one once the previous is queued. */
    private List<Future<WriteResult>> sendWhileTheFirstRuns(LedgerCommands commands, String... ids)
            throws InterruptedException {
        List<Future<WriteResult>> answers = new ArrayList<>();
        answers.add(callers.submit(() -> commands.sendAs(host(ids[0]), "test", null)));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        for (int i = 1; i < ids.length; i++) {
            String id = ids[i];
            int queued = i;
            answers.add(callers.submit(() -> commands.sendAs(host(id), "test", null)));
            await().atMost(Duration.ofSeconds(10)).until(() -> commands.queued() == queued);
        }
        assertThat(answers).noneMatch(Future::isDone);
        release.countDown();
        return answers;
    }

    private LedgerCommands commands() {
        return commands(64);
    }

    private LedgerCommands commands(int maxGroup) {
        CommandGateway gateway = mock(CommandGateway.class);
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            CommandMessage<?> message = call.getArgument(0);
            String id = ((LedgerCommand) message.getPayload()).targetId();
            sent.add(id);
            if (id.equals("first")) {
                firstRunning.countDown();
                if (!release.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not released");
                }
            }
            if (id.equals("hold")) {
                holdRunning.countDown();
                if (!releaseHold.await(10, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("not released");
                }
            }
            if (id.startsWith("refused")) {
                throw new IllegalArgumentException(id + " is taken");
            }
            if (id.startsWith("unreachable-alone") && !CurrentUnitOfWork.isStarted()) {
                throw new CannotGetJdbcConnectionException("Connection is not available, request timed out");
            }
            if (id.startsWith("unreachable") && !id.startsWith("unreachable-alone")) {
                throw new CannotGetJdbcConnectionException("Connection is not available, request timed out");
            }
            return id;
        });
        WritePositions positions = mock(WritePositions.class);
        when(positions.positionOf(anyString(), anyLong())).thenReturn(7L);
        TransactionManager transactionManager = () -> {
            if (failTransactionStart) {
                throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction");
            }
            return transaction();
        };
        return new LedgerCommands(gateway, positions, transactionManager, new AbsentRecords(), maxGroup);
    }

    private Transaction transaction() {
        return new Transaction() {
            @Override
            public void commit() {
                if (failFirstCommit && transactions.isEmpty()) {
                    transactions.add("commit failed");
                    throw commitFailure;
                }
                transactions.add("committed");
            }

            @Override
            public void rollback() {
                transactions.add("rolled back");
            }
        };
    }

    private static RegisterHost host(String id) {
        return new RegisterHost(id, "Host " + id, "FR", null, null, LocalDate.of(2018, 1, 1), SOURCES);
    }
}
