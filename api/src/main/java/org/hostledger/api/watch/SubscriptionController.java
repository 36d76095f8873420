package org.hostledger.api.watch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.api.web.ReadsNoView;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Subscriptions (role EDITOR or SUBSCRIBER; each sees its own, ADMIN sees all): a filter and a delivery — a webhook
 * URL with its secret, or none for a feed only — with pause, resume, a delivery log and manual redelivery.
 */
@ReadsNoView
@RestController
@RequestMapping("/api/subscriptions")
public class SubscriptionController {

    /** A webhook: its URL and, optionally, a {@code whsec_} secret (one is made when absent). */
    public record Delivery(
            @Size(max = 2000) String webhook,
            @Size(max = 200) String secret) {}

    public record SubscriptionRequest(
            @Valid SubscriptionFilter filter, @Valid Delivery delivery) {}

    private final WatchStore store;
    private final Subscriptions subscriptions;
    private final Clock clock;

    public SubscriptionController(WatchStore store, Subscriptions subscriptions, Clock clock) {
        this.store = store;
        this.subscriptions = subscriptions;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> create(@Valid @RequestBody SubscriptionRequest request) {
        Delivery delivery = request.delivery();
        Subscriptions.Created created = subscriptions.create(
                request.filter(),
                delivery == null ? null : delivery.webhook(),
                delivery == null ? null : delivery.secret());
        Map<String, Object> body = view(created.subscription());
        if (created.secret() != null) {
            body.put("secret", created.secret()); // said once, here
        }
        return ResponseEntity.created(URI.create(
                        "/api/subscriptions/" + created.subscription().id()))
                .body(body);
    }

    @GetMapping(produces = "application/json")
    public Map<String, Object> list() {
        List<Map<String, Object>> items = subscriptions.visible().stream()
                .map(SubscriptionController::view)
                .toList();
        return Map.of("items", items);
    }

    @GetMapping(path = "/{id}", produces = "application/json")
    public Map<String, Object> one(@PathVariable String id) {
        WatchStore.Subscription subscription = owned(id);
        Map<String, Object> body = view(subscription);
        body.put("notifications", store.counts(id));
        return body;
    }

    @DeleteMapping("/{id}")
    public ResponseEntity<Void> delete(@PathVariable String id) {
        owned(id);
        store.delete(id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/{id}/pause", produces = "application/json")
    public Map<String, Object> pause(@PathVariable String id) {
        owned(id);
        store.setPaused(id, true);
        return view(owned(id));
    }

    @PostMapping(path = "/{id}/resume", produces = "application/json")
    public Map<String, Object> resume(@PathVariable String id) {
        owned(id);
        store.setPaused(id, false);
        return view(owned(id));
    }

    /** The delivery log: the latest notifications, newest first, each with its attempts and next retry. */
    @GetMapping(path = "/{id}/deliveries", produces = "application/json")
    public Map<String, Object> deliveries(@PathVariable String id) {
        owned(id);
        List<Map<String, Object>> items = store.notifications(id, 200).stream()
                .map(n -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("id", n.id());
                    item.put("position", n.position());
                    item.put("recordId", n.recordId());
                    item.put("status", n.status());
                    item.put("attempts", n.attempts());
                    if (n.status() == WatchStore.Status.PENDING) {
                        item.put("nextAttemptAt", n.nextAttemptAt());
                    }
                    item.put("lastStatusCode", n.lastStatus());
                    item.put("lastError", n.lastError());
                    item.put("deliveredAt", n.deliveredAt());
                    item.put("log", store.attempts(n.id()));
                    return item;
                })
                .toList();
        return Map.of("items", items);
    }

    /** Sends a notification again (a dead letter, or a delivered one the receiver lost), with the same id. */
    @PostMapping(path = "/{id}/deliveries/{notification}/redeliver", produces = "application/json")
    public ResponseEntity<Map<String, Object>> redeliver(@PathVariable String id, @PathVariable String notification) {
        owned(id);
        WatchStore.Notification found = store.notification(notification)
                .filter(n -> n.subscriptionId().equals(id))
                .orElseThrow(() -> new UnknownRecord("notification", notification));
        store.redeliver(found.id(), clock.instant());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", found.id(), "status", "PENDING"));
    }

    private WatchStore.Subscription owned(String id) {
        return subscriptions.owned(id);
    }

    static Map<String, Object> view(WatchStore.Subscription s) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", s.id());
        body.put("owner", s.owner());
        body.put("filter", s.filter());
        Map<String, Object> delivery = new LinkedHashMap<>();
        delivery.put("webhook", s.webhookUrl());
        body.put("delivery", delivery);
        body.put("paused", s.paused());
        body.put("fromPosition", s.fromPosition());
        body.put("createdAt", s.createdAt());
        body.put("feed", "/api/feeds/changes.atom?subscription=" + s.id());
        return body;
    }
}
