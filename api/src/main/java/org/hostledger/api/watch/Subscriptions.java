package org.hostledger.api.watch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.hostledger.api.security.Roles;
import org.hostledger.api.web.ActorResolver;
import org.hostledger.api.web.FieldError;
import org.hostledger.core.rule.UnknownRecord;
import org.hostledger.store.processing.ProjectionProgress;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * The rules of a subscription, for the REST API and the subscription page alike: what a filter may hold, where a
 * webhook may go (checked and pinged at creation), and whose subscriptions a user sees (their own; ADMIN all).
 */
@Component
public class Subscriptions {

    /** A subscription just made, with its secret (said once). */
    public record Created(WatchStore.Subscription subscription, String secret) {}

    private final WatchStore store;
    private final WebhookUrls urls;
    private final WebhookDispatcher dispatcher;
    private final WatchProperties properties;
    private final ActorResolver actors;
    private final ProjectionProgress progress;
    private final Clock clock;

    public Subscriptions(
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

    /** Makes a subscription for the current user; refuses a bad filter or webhook with a {@link FieldError}. */
    public Created create(SubscriptionFilter filter, String webhook, String secret) {
        SubscriptionFilter checked = filter == null ? new SubscriptionFilter(null, null, null, null) : filter;
        check(checked);
        String url = null;
        String kept = null;
        String id = "sub-" + UUID.randomUUID();
        if (webhook != null) {
            URI uri = urls.check("delivery.webhook", webhook);
            kept = secret == null ? WebhookSignature.newSecret() : checkSecret(secret);
            verify(uri, id, kept);
            url = uri.toString();
        } else if (secret != null) {
            throw FieldError.invalid("delivery.secret", "a secret goes with a webhook");
        }
        WatchStore.Subscription subscription = new WatchStore.Subscription(
                id, actors.currentActor(), checked, url, kept, false, progress.head(), clock.instant());
        store.insert(subscription);
        return new Created(subscription, kept);
    }

    /** The subscriptions the current user sees: their own, or every one for ADMIN. */
    public List<WatchStore.Subscription> visible() {
        return store.subscriptions(isAdmin() ? null : actors.currentActor());
    }

    /** One of them, or an unknown record (another user's subscription is not theirs to see). */
    public WatchStore.Subscription owned(String id) {
        return store.subscription(id)
                .filter(s -> isAdmin() || s.owner().equals(actors.currentActor()))
                .orElseThrow(() -> new UnknownRecord("subscription", id));
    }

    public static void check(SubscriptionFilter filter) {
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

    private static boolean isAdmin() {
        return SecurityContextHolder.getContext().getAuthentication().getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
    }
}
