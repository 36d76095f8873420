package org.hostledger.api.application;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
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

    public LedgerCommands(CommandGateway commandGateway, WritePositions positions) {
        this.commandGateway = commandGateway;
        this.positions = positions;
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
        Map<String, Object> metaData = new HashMap<>(interceptorMetaData);
        metaData.put(EventMetadata.ACTOR, actor);
        metaData.put(
                EventMetadata.CORRELATION_ID,
                correlationId == null ? UUID.randomUUID().toString() : correlationId);
        Object result = commandGateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        long version = versionAnswered(command, result);
        return new WriteResult(command.targetId(), version, positions.positionOf(command.targetId(), version));
    }

    /** The record's version after the command: 0 for a new record, else what its handler answered. */
    public static long versionAnswered(LedgerCommand command, Object result) {
        return command.createsRecord() ? 0L : ((Number) result).longValue();
    }
}
