package org.hostledger.api.application;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.springframework.stereotype.Component;

/**
 * The one way commands enter the ledger, for REST clients, pages, the demo history, the benchmark and imports alike:
 * the command, the actor who sends it and a correlation id, as metadata that every resulting event keeps.
 */
@Component
public class LedgerCommands {

    private final CommandGateway commandGateway;
    private final WritePositions positions;
    private final TransactionManager transactionManager;
    private final KnownRecords knownRecords;

    public LedgerCommands(
            CommandGateway commandGateway,
            WritePositions positions,
            TransactionManager transactionManager,
            KnownRecords knownRecords) {
        this.commandGateway = commandGateway;
        this.positions = positions;
        this.transactionManager = transactionManager;
        this.knownRecords = knownRecords;
    }

    /** Sends the command as {@code actor}; answers the record's version and the event's global position. */
    public WriteResult sendAs(LedgerCommand command, String actor, String correlationId) {
        return sendAs(command, actor, correlationId, Map.of());
    }

    /**
     * The same, with further metadata for the command's interceptors (never for its events: only the actor and the
     * correlation id travel to them).
     */
    public WriteResult sendAs(
            LedgerCommand command, String actor, String correlationId, Map<String, ?> interceptorMetaData) {
        long version = send(command, metaData(actor, correlationId, interceptorMetaData));
        return new WriteResult(command.targetId(), version, positions.positionOf(command.targetId(), version));
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
        UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
        long firstVersion = -1;
        long lastVersion = -1;
        try {
            batch.attachTransaction(transactionManager);
            PendingRecords pending = PendingRecords.open(batch);
            // One read for the records the batch's commands target, instead of one per command (the set validation's
            // question for each, "is this id taken?", is then answered from memory).
            knownRecords.kindsOf(
                    commands.stream().map(LedgerCommand::targetId).distinct().toList());
            for (LedgerCommand command : commands) {
                long version = send(command, metaData);
                pending.recorded(command.targetId(), command.targetKind(), version);
                if (firstVersion < 0) {
                    firstVersion = version;
                }
                lastVersion = version;
            }
        } catch (RuntimeException | Error e) {
            batch.rollback(e);
            throw e;
        }
        batch.commit();
        LedgerCommand first = commands.get(0);
        LedgerCommand last = commands.get(commands.size() - 1);
        return new Positions(
                positions.positionOf(first.targetId(), firstVersion),
                positions.positionOf(last.targetId(), lastVersion));
    }

    /** Where a batch of commands landed in the global order: its first and last events. */
    public record Positions(long from, long to) {}

    /** The record's version after the command: 0 for a new record, else what its handler answered. */
    public static long versionAnswered(LedgerCommand command, Object result) {
        return command.createsRecord() ? 0L : ((Number) result).longValue();
    }
}
