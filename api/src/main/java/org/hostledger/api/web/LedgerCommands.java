package org.hostledger.api.web;

import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.hostledger.api.config.AxonConfig;
import org.hostledger.api.ledger.LedgerEventStorageEngine;
import org.hostledger.core.command.LedgerCommand;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The one way commands enter the ledger, for REST clients and the demo history alike: the command, the actor who
 * sends it and a correlation id, as metadata that every resulting event keeps.
 */
@Component
public class LedgerCommands {

    public static final String POSITION_HEADER = "X-Ledger-Position";

    private final CommandGateway commandGateway;
    private final ActorResolver actors;

    public LedgerCommands(CommandGateway commandGateway, ActorResolver actors) {
        this.commandGateway = commandGateway;
        this.actors = actors;
    }

    /** Sends the command as the current actor. */
    public WriteResult send(LedgerCommand command) {
        return sendAs(command, actors.currentActor(), actors.correlationId());
    }

    /** Sends the command as {@code actor}; answers the record's version and the event's global position. */
    public WriteResult sendAs(LedgerCommand command, String actor, String correlationId) {
        Map<String, Object> metaData = Map.of(
                AxonConfig.ACTOR, actor,
                AxonConfig.CORRELATION_ID, correlationId == null ? UUID.randomUUID().toString() : correlationId);
        LedgerEventStorageEngine.clearLastAppended();
        Object result = commandGateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        long version = command.createsRecord() ? 0L : ((Number) result).longValue();
        return new WriteResult(command.targetId(), version, LedgerEventStorageEngine.lastAppended());
    }

    /** 201 with the record's address, its version as ETag, its position, and {@code {id, version, position}}. */
    public ResponseEntity<WriteResult> created(String path, LedgerCommand command) {
        WriteResult result = send(command);
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path)
                .buildAndExpand(command.targetId())
                .toUri();
        return ResponseEntity.created(location)
                .eTag(Long.toString(result.version()))
                .header(POSITION_HEADER, Long.toString(result.position()))
                .body(result);
    }
}
