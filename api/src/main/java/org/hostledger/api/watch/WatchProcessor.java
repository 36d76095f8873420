package org.hostledger.api.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.hostledger.core.event.LedgerEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The watch's streaming processor (pooled, segmented like the projections, its token in the same transaction as its
 * rows): records every change with the host and register it is about, and puts one notification in the outbox for
 * each webhook subscription whose filter selects it. A segment is processed by one node at a time, so each
 * notification is created once; a batch processed again after a crash finds its rows there and adds nothing.
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
        if (store.hasChange(position)) {
            return;
        }
        JsonNode payload = json.valueToTree(event);
        // An alert is its own record, but watchers follow the certificate or decision it is about.
        String recordId = event.subjectId();
        String recordType = message instanceof DomainEventMessage<?> domain
                ? domain.getType()
                : message.getPayloadType().getSimpleName();
        String hostId = hostOf(recordId, recordType, payload);
        JsonNode register = payload.path("citation").path("register");
        WatchedChange change = new WatchedChange(
                position,
                recordId,
                recordType,
                message.getPayloadType().getSimpleName(),
                hostId,
                register.isTextual() ? register.asText() : null,
                event.effectiveDate(),
                message.getTimestamp(),
                text(payload));
        store.insert(change);
        Instant now = clock.instant();
        boolean enqueued = false;
        for (WatchStore.Subscription subscription : store.webhookSubscriptionsBefore(position)) {
            if (subscription.filter().matches(change)) {
                store.enqueue(notificationId(subscription.id(), position), subscription.id(), position, recordId, now);
                enqueued = true;
            }
        }
        if (enqueued) {
            wakeAfterCommit();
        }
    }

    /** This node's dispatcher sends the new notifications as soon as they are committed, not at its next poll. */
    private void wakeAfterCommit() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            dispatcher.wake();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                dispatcher.wake();
            }
        });
    }

    /** A host is about itself; a certificate or a decision about the host it names, or named when first recorded. */
    private String hostOf(String recordId, String recordType, JsonNode payload) {
        if ("Host".equals(recordType)) {
            return recordId;
        }
        JsonNode hostId = payload.path("hostId");
        if (hostId.isTextual() && !hostId.asText().isEmpty()) {
            store.setHostOf(recordId, hostId.asText());
            return hostId.asText();
        }
        return store.hostOf(recordId).orElse(null);
    }

    private String text(JsonNode payload) {
        try {
            return json.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event that cannot be written as JSON", e);
        }
    }
}
