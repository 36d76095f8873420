package org.hostledger.api.watch;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostledger.api.security.Roles;
import org.hostledger.api.web.ActorResolver;
import org.hostledger.api.web.FieldError;
import org.hostledger.core.rule.UnknownRecord;
import org.hostledger.store.processing.ProjectionProgress;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
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
    private final WebhookUrls urls;
    private final WebhookDispatcher dispatcher;
    private final WatchProperties properties;
    private final ActorResolver actors;
    private final ProjectionProgress progress;
    private final Clock clock;

    public SubscriptionController(
            WatchStore store,
            WebhookUrls urls,
            WebhookDispatcher dispatcher,
            WatchProperties properties,
            ActorResolver actors,
            ProjectionProgress progress,
            Clock clock) {
        this.store = store;
        this.urls = urls;
        this.dispatcher = dispatcher;
        this.properties = properties;
        this.actors = actors;
        this.progress = progress;
        this.clock = clock;
    }

    @PostMapping(consumes = "application/json", produces = "application/json")
    public ResponseEntity<Map<String, Object>> create(@Valid @RequestBody SubscriptionRequest request) {
        SubscriptionFilter filter =
                request.filter() == null ? new SubscriptionFilter(null, null, null, null) : request.filter();
        check(filter);
        String url = null;
        String secret = null;
        String id = "sub-" + UUID.randomUUID();
        if (request.delivery() != null && request.delivery().webhook() != null) {
            URI uri = urls.check("delivery.webhook", request.delivery().webhook());
            secret = request.delivery().secret() == null
                    ? WebhookSignature.newSecret()
                    : checkSecret(request.delivery().secret());
            verify(uri, id, secret);
            url = uri.toString();
        } else if (request.delivery() != null && request.delivery().secret() != null) {
            throw FieldError.invalid("delivery.secret", "a secret goes with a webhook");
        }
        WatchStore.Subscription subscription = new WatchStore.Subscription(
                id, actors.currentActor(), filter, url, secret, false, progress.head(), clock.instant());
        store.insert(subscription);
        Map<String, Object> body = view(subscription);
        if (secret != null) {
            body.put("secret", secret); // said once, here
        }
        return ResponseEntity.created(URI.create("/api/subscriptions/" + id)).body(body);
    }

    static void check(SubscriptionFilter filter) {
        if (filter.recordIds().size() > 100) {
            throw FieldError.invalid("filter.recordIds", "at most 100 records");
        }
        if (filter.eventTypes().size() > 50) {
            throw FieldError.invalid("filter.eventTypes", "at most 50 event types");
        }
        for (String id : filter.recordIds()) {
            if (id == null || !id.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}")) {
                throw FieldError.invalid("filter.recordIds", "not a record id: " + id);
            }
        }
        for (String type : filter.eventTypes()) {
            if (type == null || !type.matches("[A-Z][A-Za-z]{1,99}")) {
                throw FieldError.invalid("filter.eventTypes", "not an event name: " + type);
            }
        }
        if (filter.hostId() != null && !filter.hostId().matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,199}")) {
            throw FieldError.invalid("filter.hostId", "not a record id");
        }
        if (filter.register() != null && !filter.register().matches("[a-z0-9][a-z0-9-]{0,99}")) {
            throw FieldError.invalid("filter.register", "not a register id");
        }
    }

    private static String checkSecret(String secret) {
        try {
            WebhookSignature.key(secret);
            return secret;
        } catch (IllegalArgumentException e) {
            throw FieldError.invalid("delivery.secret", e.getMessage());
        }
    }

    /**
     * A signed {@code hostledger.subscription.created} ping: a URL that answers with a redirect is refused (redirects
     * are never followed). A receiver that is down or failing is accepted: notifications wait for it.
     */
    private void verify(URI uri, String id, String secret) {
        String body = "{\"type\":\"hostledger.subscription.created\",\"timestamp\":\"" + clock.instant()
                + "\",\"data\":{\"subscription\":\"" + id + "\"}}";
        HttpClient client = WebhookDispatcher.client(properties);
        try {
            HttpResponse<Void> response = client.send(
                    dispatcher.request(uri, "msg_" + id + "_created", secret, body),
                    HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 == 3) {
                throw FieldError.invalid(
                        "delivery.webhook",
                        "the URL answered a redirect (" + response.statusCode() + "); redirects are not followed");
            }
        } catch (IOException e) {
            // down for now: accepted, its notifications are retried
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling the webhook", e);
        }
    }

    @GetMapping(produces = "application/json")
    public Map<String, Object> list() {
        List<Map<String, Object>> items = store.subscriptions(isAdmin() ? null : actors.currentActor()).stream()
                .map(this::view)
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
        return store.subscription(id)
                .filter(s -> isAdmin() || s.owner().equals(actors.currentActor()))
                .orElseThrow(() -> new UnknownRecord("subscription", id));
    }

    private static boolean isAdmin() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
    }

    private Map<String, Object> view(WatchStore.Subscription s) {
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
