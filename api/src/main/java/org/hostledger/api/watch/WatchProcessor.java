package org.hostledger.api.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.hostledger.core.event.LedgerEvent;
import org.springframework.stereotype.Component;

/**
 * The watch's streaming processor (pooled, segmented like the projections, its token in the same transaction as its
 * rows): records every change with the host and register it is about, and puts one notification in the outbox for
 * each webhook subscription whose filter selects it, all written when the batch of events commits ({@link
 * WatchBatch}). A segment is processed by one node at a time, so each notification is created once; a batch processed
 * again (after a crash, or by a replay of the watch) finds its rows there and adds nothing.
 */
@Component
@ProcessingGroup(WatchProcessor.NAME)
public class WatchProcessor {

    public static final String NAME = "watch";

    private final WatchStore store;
    private final ObjectMapper json;
    private final Clock clock;
    private final WebhookDispatcher dispatcher;

    public WatchProcessor(WatchStore store, ObjectMapper json, Clock clock, WebhookDispatcher dispatcher) {
        this.store = store;
        this.json = json;
        this.clock = clock;
        this.dispatcher = dispatcher;
    }

    /** The stable id of the notification of the event at {@code position} to {@code subscription}. */
    public static String notificationId(String subscription, long position) {
        return "msg_" + subscription + "_" + position;
    }

    @EventHandler
    void on(LedgerEvent event, EventMessage<?> message, TrackingToken token) {
        long position = token.position().orElseThrow(() -> new IllegalStateException("a token without a position"));
        WatchBatch batch = WatchBatch.current(store, clock, dispatcher::wake);
        if (batch.recorded(position)) {
            return;
        }
        JsonNode payload = json.valueToTree(event);
        // An alert is its own record, but watchers follow the certificate or decision it is about.
        String recordId = event.subjectId();
        String recordType = message instanceof DomainEventMessage<?> domain
                ? domain.getType()
                : message.getPayloadType().getSimpleName();
        String hostId = hostOf(batch, recordId, recordType, payload);
        JsonNode register = payload.path("citation").path("register");
        batch.add(new WatchedChange(
                position,
                recordId,
                recordType,
                message.getPayloadType().getSimpleName(),
                hostId,
                register.isTextual() ? register.asText() : null,
                event.effectiveDate(),
                message.getTimestamp(),
                text(payload)));
    }

    /** A host is about itself; a certificate or a decision about the host it names, or named when first recorded. */
    private static String hostOf(WatchBatch batch, String recordId, String recordType, JsonNode payload) {
        if ("Host".equals(recordType)) {
            return recordId;
        }
        JsonNode hostId = payload.path("hostId");
        if (hostId.isTextual() && !hostId.asText().isEmpty()) {
            batch.setHostOf(recordId, hostId.asText());
            return hostId.asText();
        }
        return batch.hostOf(recordId).orElse(null);
    }

    private String text(JsonNode payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event that cannot be written as JSON", e);
        }
    }
}
