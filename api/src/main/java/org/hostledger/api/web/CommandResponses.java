package org.hostledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.util.Map;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.api.application.WriteResult;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A REST write: the command sent as the signed-in user, answered {@code 201} with the record's address, its version
 * as ETag, its global position, and {@code {id, version, position}}.
 */
@Component
public class CommandResponses {

    public static final String POSITION_HEADER = "X-Ledger-Position";

    private final LedgerCommands commands;
    private final ActorResolver actors;
    private final IdempotencyStore idempotency;

    public CommandResponses(LedgerCommands commands, ActorResolver actors, IdempotencyStore idempotency) {
        this.commands = commands;
        this.actors = actors;
        this.idempotency = idempotency;
    }

    /**
     * Sends the command as the current user and answers 201. An idempotent retry that raced its twin answers the
     * twin's result.
     */
    public ResponseEntity<WriteResult> created(String path, LedgerCommand command) {
        Sent sent = send(command, currentIdempotentRequest());
        WriteResult result = sent.result();
        boolean replayed = sent.replayed();
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(path)
                .buildAndExpand(result.id())
                .toUri();
        ResponseEntity.BodyBuilder response = ResponseEntity.created(location)
                .eTag(Long.toString(result.version()))
                .header(POSITION_HEADER, Long.toString(result.position()));
        if (replayed) {
            response.header("Idempotency-Replayed", "true");
        }
        return response.body(result);
    }

    /** What a write answered, and whether it was an earlier write's answer given again. */
    public record Sent(WriteResult result, boolean replayed) {}

    /**
     * Sends the command as the current user, once per idempotent request ({@code retry}, or null for none): a twin
     * that raced this one and won makes this answer the twin's result.
     */
    public Sent send(LedgerCommand command, IdempotentRequest retry) {
        try {
            return new Sent(
                    commands.sendAs(command, actors.currentActor(), actors.correlationId(), retryMetaData(retry)),
                    false);
        } catch (DuplicateKeyException e) {
            if (retry == null) {
                throw e;
            }
            IdempotencyStore.Done done =
                    idempotency.find(retry.principal(), retry.key()).orElseThrow(() -> e);
            if (!done.requestHash().equals(retry.requestHash())) {
                throw new IdempotencyKeyReused();
            }
            return new Sent(new WriteResult(done.recordId(), done.version(), done.position()), true);
        }
    }

    private static Map<String, Object> retryMetaData(IdempotentRequest retry) {
        if (retry == null) {
            return Map.of();
        }
        return Map.of(
                IdempotentRequest.METADATA_PRINCIPAL, retry.principal(),
                IdempotentRequest.METADATA_KEY, retry.key(),
                IdempotentRequest.METADATA_HASH, retry.requestHash());
    }

    /** The same answer as {@link #created}, written by a filter replaying an earlier write. */
    public static void writeCreated(
            ObjectMapper mapper,
            HttpServletRequest request,
            HttpServletResponse response,
            RecordKind kind,
            String id,
            long version,
            long position)
            throws IOException {
        URI location = ServletUriComponentsBuilder.fromContextPath(request)
                .path(RecordPaths.of(kind))
                .buildAndExpand(id)
                .toUri();
        response.setStatus(HttpStatus.CREATED.value());
        response.setHeader(HttpHeaders.LOCATION, location.toString());
        response.setHeader(HttpHeaders.ETAG, "\"" + version + "\"");
        response.setHeader(POSITION_HEADER, Long.toString(position));
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), new WriteResult(id, version, position));
    }

    private static IdempotentRequest currentIdempotentRequest() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            return (IdempotentRequest) attributes.getRequest().getAttribute(IdempotentRequest.ATTRIBUTE);
        }
        return null;
    }

    /** The same Idempotency-Key was used for another request. */
    public static class IdempotencyKeyReused extends RuntimeException {
        public IdempotencyKeyReused() {
            super(
                    "this Idempotency-Key was used for another request; use a new key for a new request",
                    null,
                    false,
                    false);
        }
    }
}
