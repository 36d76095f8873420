package org.hostledger.api.application;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.IntFunction;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.commands.lookup.PendingRecords;
import org.hostledger.core.audit.EventMetadata;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.store.WritePositions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one way commands enter the ledger, for REST clients, pages, the demo history, the benchmark and imports alike:
 * the command, the actor who sends it and a correlation id, as metadata that every resulting event keeps.
 *
 * <p>Concurrent writers share commits ({@link CommandGroups}): the commands that arrive while another group is being
 * written are run together by one of their callers, one after the other in the order they arrived, each through the
 * same handlers, interceptors and rules as alone, and committed together — one transaction, one append to the store. A
 * command refused in a group is answered with its refusal, and the group is run again without it, from the start and in
 * the same order, so that no other command's answer depends on a command that was not recorded (after {@link
 * #MAX_REFUSALS_PER_GROUP} refusals, the rest runs command by command); a group whose commit fails (a lost race with
 * another node) runs each of its commands alone, each answered as alone, unless the database cannot be reached: then
 * each is answered that failure at once, and commands run alone until one commits again. Nobody hears of a write before
 * it is committed. {@code hostledger.group-commit.max-commands} bounds a group (1: every command commits alone).
 */
@Component
public class LedgerCommands {

    private final CommandGateway commandGateway;
    private final WritePositions positions;
    private final TransactionManager transactionManager;
    private final KnownRecords knownRecords;
    /**
     * Set when a write found the database unreachable, cleared by the next write that commits: meanwhile commands
     * are not grouped. Each group waits for a connection in turn, so in an outage a writer would hear its {@code 503}
     * after as many of the pool's time-outs as there are groups before it; alone, the writers wait side by side.
     */
    private volatile boolean unreachable;

    /** Refusals after which the rest of a group runs command by command. */
    static final int MAX_REFUSALS_PER_GROUP = 2;

    private final CommandGroups<Grouped> groups;
    private final boolean grouping;

    /** Every command commits alone. */
    public LedgerCommands(
            CommandGateway commandGateway,
            WritePositions positions,
            TransactionManager transactionManager,
            KnownRecords knownRecords) {
        this(commandGateway, positions, transactionManager, knownRecords, 1);
    }

    @Autowired
    public LedgerCommands(
            CommandGateway commandGateway,
            WritePositions positions,
            TransactionManager transactionManager,
            KnownRecords knownRecords,
            @Value("${hostledger.group-commit.max-commands:64}") int maxGroup) {
        this.commandGateway = commandGateway;
        this.positions = positions;
        this.transactionManager = transactionManager;
        this.knownRecords = knownRecords;
        this.groups = new CommandGroups<>(maxGroup, this::runGroup);
        this.grouping = maxGroup > 1;
    }

    /** Sends the command as {@code actor}; answers the record's version and the event's global position. */
    public WriteResult sendAs(LedgerCommand command, String actor, String correlationId) {
        return sendAs(command, actor, correlationId, Map.of());
    }

    /**
     * The same, with further metadata for the command's interceptors (never for its events: only the actor and the
     * correlation id travel to them). Such a command (an idempotent write, whose answer is kept with its events)
     * commits alone.
     */
    public WriteResult sendAs(
            LedgerCommand command, String actor, String correlationId, Map<String, ?> interceptorMetaData) {
        Map<String, Object> metaData = metaData(actor, correlationId, interceptorMetaData);
        if (grouping && !unreachable && interceptorMetaData.isEmpty() && !CurrentUnitOfWork.isStarted()) {
            Grouped request = new Grouped(command, metaData);
            groups.submit(request);
            return (WriteResult) request.result();
        }
        long version;
        try {
            version = send(command, metaData);
        } catch (RuntimeException e) {
            unreachable = DatabaseFailures.unreachable(e);
            throw e;
        }
        unreachable = false;
        return new WriteResult(command.targetId(), version, positions.positionOf(command.targetId(), version));
    }

    /** The commands waiting for a group (for tests). */
    int queued() {
        return groups.queued();
    }

    /** A command waiting for its group. */
    private static final class Grouped extends CommandGroups.Request {
        final LedgerCommand command;
        final Map<String, Object> metaData;

        Grouped(LedgerCommand command, Map<String, Object> metaData) {
            this.command = command;
            this.metaData = metaData;
        }
    }

    /** Runs a group on the leader's thread and answers each of its commands (see the class comment). */
    private void runGroup(List<Grouped> group) {
        List<Grouped> left = group;
        int refusals = 0;
        // Each refusal runs the group again: past a few, the rest runs alone (a burst of conflicting writes would
        // otherwise run a group of n up to n times).
        while (left.size() > 1 && refusals < MAX_REFUSALS_PER_GROUP) {
            List<Grouped> running = left;
            long[] versions;
            try {
                versions = together(
                        running.stream().map(request -> request.command).toList(), i -> running.get(i).metaData);
            } catch (Refused refused) {
                if (DatabaseFailures.unreachable(refused.getCause())) {
                    failAll(running, refused.getCause());
                    return;
                }
                running.get(refused.index).fail(refused.getCause());
                refusals++;
                left = new ArrayList<>(running);
                left.remove(refused.index);
                continue;
            } catch (RuntimeException e) {
                if (DatabaseFailures.unreachable(e)) {
                    failAll(running, e);
                } else {
                    alone(running);
                }
                return;
            }
            // Asked here, on the thread that committed: its storage engine answers without a read.
            for (int i = 0; i < running.size(); i++) {
                answer(running.get(i), versions[i]);
            }
            return;
        }
        alone(left);
    }

    /**
     * The database cannot be reached: every command of the group is answered so at once. Run again, alone or
     * together, each would wait for a connection in turn, and the last of a group of n would hear after n waits of
     * the pool's time-out.
     */
    private void failAll(List<Grouped> group, RuntimeException failure) {
        unreachable = true;
        group.forEach(request -> request.fail(failure));
    }

    /** Runs each command in its own transaction, in order; once one finds the database unreachable, so do the rest. */
    private void alone(List<Grouped> requests) {
        for (int i = 0; i < requests.size(); i++) {
            Grouped request = requests.get(i);
            long version;
            try {
                version = send(request.command, request.metaData);
            } catch (RuntimeException | Error e) {
                if (e instanceof RuntimeException failure && DatabaseFailures.unreachable(failure)) {
                    failAll(requests.subList(i, requests.size()), failure);
                    return;
                }
                request.fail(e);
                continue;
            }
            unreachable = false;
            answer(request, version);
        }
    }

    private void answer(Grouped request, long version) {
        try {
            String id = request.command.targetId();
            request.succeed(new WriteResult(id, version, positions.positionOf(id, version)));
        } catch (RuntimeException | Error e) {
            request.fail(e);
        }
    }

    /** The actor and the correlation id (a fresh one when none is given), beside {@code extra}. */
    private static Map<String, Object> metaData(String actor, String correlationId, Map<String, ?> extra) {
        Map<String, Object> metaData = new HashMap<>(extra);
        metaData.put(EventMetadata.ACTOR, actor);
        metaData.put(
                EventMetadata.CORRELATION_ID,
                correlationId == null ? UUID.randomUUID().toString() : correlationId);
        return metaData;
    }

    private long send(LedgerCommand command, Map<String, Object> metaData) {
        Object result = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        return versionAnswered(command, result);
    }

    /**
     * Sends {@code commands} in order, each through the same handlers, interceptors and rules as {@link #sendAs},
     * and commits their events together: one transaction, one append to the store (its hash chain and Merkle tree
     * grown once for the batch). All are recorded or none: the first refused command rolls the batch back and is
     * thrown. A later command sees what earlier ones recorded, the store's set validation included
     * ({@link PendingRecords}). For a writer with many commands and nobody waiting on each one (a register import);
     * commands that read an offering recorded in the same batch are refused.
     *
     * @return the global positions of the first and last events the batch recorded, or null for no command
     */
    public Positions sendTogether(List<? extends LedgerCommand> commands, String actor, String correlationId) {
        if (commands.isEmpty()) {
            return null;
        }
        if (CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("commands are sent together from outside any unit of work");
        }
        Map<String, Object> metaData = metaData(actor, correlationId, Map.of());
        long[] versions;
        try {
            versions = together(commands, i -> metaData);
        } catch (Refused refused) {
            throw refused.getCause();
        }
        LedgerCommand first = commands.get(0);
        LedgerCommand last = commands.get(commands.size() - 1);
        return new Positions(
                positions.positionOf(first.targetId(), versions[0]),
                positions.positionOf(last.targetId(), versions[versions.length - 1]));
    }

    /**
     * Sends {@code commands} in one unit of work and transaction, committed together; answers their versions.
     *
     * @throws Refused when a command is refused (nothing is committed)
     */
    private long[] together(List<? extends LedgerCommand> commands, IntFunction<Map<String, Object>> metaData) {
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        long[] versions = new long[commands.size()];
        int at = -1;
        try {
            batch.attachTransaction(transactionManager);
            PendingRecords pending = PendingRecords.open(batch);
            // One read for the records the batch's commands target, instead of one per command (the set validation's
            // question for each, "is this id taken?", is then answered from memory).
            knownRecords.kindsOf(
                    commands.stream().map(LedgerCommand::targetId).distinct().toList());
            for (at = 0; at < commands.size(); at++) {
                LedgerCommand command = commands.get(at);
                versions[at] = send(command, metaData.apply(at));
                pending.recorded(command.targetId(), command.targetKind(), versions[at]);
            }
        } catch (RuntimeException | Error e) {
            // A unit of work that could not start its transaction has rolled itself back already (Axon's
            // attachTransaction): rolling it back again would hide why behind an IllegalStateException.
            if (batch.isActive() && !batch.isRolledBack()) {
                try {
                    batch.rollback(e);
                } catch (RuntimeException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
            }
            if (e instanceof RuntimeException refusal && at >= 0 && at < commands.size()) {
                throw new Refused(at, refusal);
            }
            throw e;
        }
        batch.commit();
        return versions;
    }

    /** The command at {@code index} of a batch was refused, and the batch rolled back. */
    private static final class Refused extends RuntimeException {
        final int index;

        Refused(int index, RuntimeException cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
        }

        @Override
        public synchronized RuntimeException getCause() {
            return (RuntimeException) super.getCause();
        }
    }

    /** Where a batch of commands landed in the global order: its first and last events. */
    public record Positions(long from, long to) {}

    /** The record's version after the command: 0 for a new record, else what its handler answered. */
    public static long versionAnswered(LedgerCommand command, Object result) {
        return command.createsRecord() ? 0L : ((Number) result).longValue();
    }
}
