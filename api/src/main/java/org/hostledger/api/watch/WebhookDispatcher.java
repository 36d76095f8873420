package org.hostledger.api.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.Registration;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.FindHost;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.TimePoint;
import org.hostledger.store.maintenance.BackgroundTasks;
import org.hostledger.store.processing.NodeRegistry;
import org.hostledger.store.processing.ProjectionProgress;
import org.hostledger.store.processing.SignallingEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox, on every node: each node leases due notifications (a conditional update, so one node sends
 * each), signs them the Standard Webhooks way and posts them without following redirects and with short timeouts.
 * A {@code 2xx} delivers; anything else is retried with exponential backoff and jitter, and after
 * {@code max-attempts} the notification is a dead letter until redelivered. A node that dies mid-send leaves its lease
 * to expire; the notification is then sent again, with the same {@code webhook-id}.
 */
@Component
public class WebhookDispatcher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);

    /** How soon to look again when due notifications wait for the views to hold their event. */
    private static final long VIEWS_WAIT_MS = 10;

    private final WatchStore store;
    private final WatchProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final ProjectionProgress progress;
    private final Queries queries;
    private final ReadParams params;
    private final NodeRegistry nodes;
    private final HttpClient client;
    private final Semaphore permits;
    /** Notifications handed to a sender and not finished with: a poll does not hand them out again. */
    private final java.util.Set<String> inHand = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Set by {@link #stop}: the poller ends after the poll under way. */
    private volatile boolean stopping;

    private final BlockingQueue<Boolean> wakeups = new ArrayBlockingQueue<>(1);
    private volatile ExecutorService poller;

    private volatile ExecutorService senders;

    /** Records' states as known right after an event, by the query that read them. */
    private final Cache<Object, Object> states =
            Caffeine.newBuilder().maximumSize(1_000).build();

    private final SignallingEventStore eventStore;

    /** The senders' attempts, written to the delivery log in groups. */
    private volatile AttemptLog attempts;

    /** The processors' promptness while webhook subscriptions exist, from start to stop. */
    private volatile Registration keepingUp;

    public WebhookDispatcher(
            WatchStore store,
            WatchProperties properties,
            ObjectMapper json,
            Clock clock,
            ProjectionProgress progress,
            Queries queries,
            ReadParams params,
            NodeRegistry nodes,
            SignallingEventStore eventStore) {
        this.store = store;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.progress = progress;
        this.queries = queries;
        this.params = params;
        this.nodes = nodes;
        // In hand and not yet sent: eight times the senders, leased by one poll's transaction. Under load a lease waits
        // for the other commits (50–150 ms measured at 200 events/s); twice the senders per lease held one node to
        // about 170 deliveries a second.
        this.permits = new Semaphore(8 * properties.getSenders());
        this.client = client(properties);
        this.eventStore = eventStore;
    }

    /** The client every webhook goes through: redirects are never followed. */
    static HttpClient client(WatchProperties properties) {
        return HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.getConnectTimeout())
                .build();
    }

    @Override
    public void start() {
        // A webhook subscription waits for every write: while one exists, the watch and the views its bodies read look
        // at a commit within the processing delay, not at their 500 ms poll.
        keepingUp = eventStore.keepUpWithCommits(properties.getProcessingDelay(), store::hasWebhookSubscriptions);
        attempts = new AttemptLog(store, this::wake);
        attempts.start();
        stopping = false;
        senders = Executors.newFixedThreadPool(properties.getSenders(), daemon("hostledger-webhook"));
        poller = Executors.newSingleThreadExecutor(daemon("hostledger-webhook-poller"));
        poller.execute(this::dispatch);
    }

    /**
     * Wakes the dispatcher now rather than at its next poll: called when the watch processor has committed new
     * notifications and when a sender is free again. Other nodes find them at their next poll.
     */
    public void wake() {
        wakeups.offer(Boolean.TRUE);
    }

    /**
     * Looks for due notifications as long as it finds some to send; otherwise waits for a wake-up, or the poll
     * interval (notifications of other nodes, retries falling due), or a short while when notifications are due but
     * wait for the views.
     */
    private void dispatch() {
        long every = properties.getPollInterval().toMillis();
        while (!stopping && !Thread.currentThread().isInterrupted()) {
            Polled polled = pollSafely();
            try {
                if (polled.more() && permits.availablePermits() > 0) {
                    continue;
                }
                long wait = polled.waitingForViews() ? Math.min(every, VIEWS_WAIT_MS) : every;
                wakeups.poll(wait, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * Stops without interrupting a thread that may be reading or writing the database (an interrupt in H2's file I/O
     * closes the embedded database, see {@link BackgroundTasks}): the poller ends after its poll under way, and the
     * sends under way end on their own (their connect and request timeouts bound them), their attempts logged; leased
     * notifications not yet sent are sent again after their lease.
     */
    @Override
    public void stop() {
        stopping = true;
        Duration wait = properties.getRequestTimeout().plusSeconds(5);
        if (poller != null) {
            wake();
            BackgroundTasks.stop(poller, wait, "the webhook poller");
        }
        if (senders != null) {
            BackgroundTasks.stop(senders, wait, "the webhook senders");
        }
        if (attempts != null) {
            attempts.close(properties.getRequestTimeout());
        }
        if (keepingUp != null) {
            keepingUp.cancel();
        }
    }

    @Override
    public boolean isRunning() {
        return poller != null && !poller.isShutdown();
    }

    @Override
    public int getPhase() {
        // After the processors: stopped before them.
        return Integer.MAX_VALUE - 100;
    }

    /**
     * What one poll did: whether more notifications may be due than it could look at, and whether some due ones wait
     * for the views.
     */
    record Polled(boolean more, boolean waitingForViews) {}

    private Polled pollSafely() {
        try {
            return poll();
        } catch (RuntimeException e) {
            log.warn("Looking for due webhooks failed; trying again", e);
            return new Polled(false, false);
        }
    }

    /**
     * Leases due notifications, as many as may wait for a sender, in one transaction, and hands them to the senders
     * (a lease per send cost a commit each, the most frequent write of a busy dispatcher).
     */
    Polled poll() {
        int free = permits.availablePermits();
        if (free == 0) {
            return new Polled(false, false);
        }
        int limit = free + inHand.size();
        List<WatchStore.Notification> due = store.due(clock.instant(), limit);
        // The body carries the record's state after the event: only those whose event the views hold are sent.
        int held = heldByViews(due);
        boolean waiting = held < due.size();
        List<WatchStore.Notification> toSend = new ArrayList<>();
        for (WatchStore.Notification notification : due.subList(0, held)) {
            if (toSend.size() == free) {
                break;
            }
            if (!inHand.contains(notification.id())) { // else handed to a sender by an earlier poll, not sent yet
                toSend.add(notification);
            }
        }
        if (toSend.isEmpty()) {
            return new Polled(!waiting && due.size() == limit, waiting);
        }
        // One transaction leases them all (another node may have taken some first); each then goes to a sender. Every
        // node locks them in the order of their events, so two nodes leasing the same ones wait, never deadlock.
        Instant now = clock.instant();
        Set<String> leased = store.lease(
                toSend.stream().map(WatchStore.Notification::id).toList(), now, now.plus(properties.getLease()));
        for (WatchStore.Notification notification : toSend) {
            if (!leased.contains(notification.id()) || !permits.tryAcquire()) {
                continue;
            }
            inHand.add(notification.id());
            senders.execute(() -> {
                try {
                    send(notification);
                } catch (RuntimeException e) {
                    log.warn(
                            "Sending webhook {} failed; it will be sent again when its lease ends",
                            notification.id(),
                            e);
                } finally {
                    inHand.remove(notification.id());
                    permits.release();
                    // Looks again once half the notifications in hand are sent: one poll per batch, not per send.
                    if (permits.availablePermits() >= properties.getSenders()) {
                        wake();
                    }
                }
            });
        }
        return new Polled(!waiting && due.size() == limit, waiting);
    }

    /**
     * How many of the due notifications (in the order of their events) the views hold the event of: the views hold
     * every event up to the one they reached, so a binary search asks a few times at most (each ask reads every
     * processor's tokens), and once when they hold them all.
     */
    private int heldByViews(List<WatchStore.Notification> due) {
        int held = 0;
        int notHeld = due.size();
        if (notHeld > 0 && progress.reached(due.get(notHeld - 1).position())) {
            return notHeld;
        }
        notHeld--;
        while (held < notHeld) {
            int middle = (held + notHeld) >>> 1;
            if (progress.reached(due.get(middle).position())) {
                held = middle + 1;
            } else {
                notHeld = middle;
            }
        }
        return held;
    }

    /** One attempt at one notification. */
    void send(WatchStore.Notification notification) {
        WatchStore.Subscription subscription =
                store.subscription(notification.subscriptionId()).orElse(null);
        WatchedChange change = store.change(notification.position()).orElse(null);
        if (subscription == null || change == null || subscription.webhookUrl() == null) {
            return; // deleted meanwhile
        }
        String body = body(notification.id(), subscription, change);
        Instant started = clock.instant();
        Integer status = null;
        String error = null;
        try {
            HttpResponse<Void> response = client.send(
                    request(URI.create(subscription.webhookUrl()), notification.id(), subscription.secret(), body),
                    HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status / 100 != 2) {
                error = status / 100 == 3 ? "redirect not followed" : "answered " + status;
            }
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        Instant ended = clock.instant();
        long took = Duration.between(started, ended).toMillis();
        WatchStore.Attempted attempted;
        if (error == null) {
            attempted = new WatchStore.Attempted(
                    notification.id(), started, nodes.nodeId(), status, null, took, WatchStore.Status.DELIVERED, null);
        } else {
            int failed = notification.attempts() + 1;
            boolean dead = failed >= properties.getMaxAttempts();
            attempted = new WatchStore.Attempted(
                    notification.id(),
                    started,
                    nodes.nodeId(),
                    status,
                    truncate(error),
                    took,
                    dead ? WatchStore.Status.DEAD : WatchStore.Status.PENDING,
                    dead ? null : ended.plus(backoff(failed)));
        }
        try {
            attempts.record(attempted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // stopping: sent again when its lease ends
        }
    }

    HttpRequest request(URI url, String id, String secret, String body) {
        long timestamp = clock.instant().getEpochSecond();
        return HttpRequest.newBuilder(url)
                .timeout(properties.getRequestTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "HostLedger-Webhooks/1")
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", WebhookSignature.sign(secret, id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
    }

    /** {@code retry-base} doubled for each failed attempt, at most {@code retry-max}, between half and all of it. */
    Duration backoff(int failedAttempts) {
        long base = properties.getRetryBase().toMillis();
        long max = properties.getRetryMax().toMillis();
        long delay = failedAttempts >= 40 ? max : Math.min(max, base << Math.max(0, failedAttempts - 1));
        long half = delay / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(delay - half + 1));
    }

    private static String truncate(String error) {
        return error.length() <= 500 ? error : error.substring(0, 500);
    }

    /**
     * The Standard Webhooks payload: {@code type}, {@code timestamp} and {@code data} with the event and the record's
     * state as the ledger knew it right after the event.
     */
    String body(String id, WatchStore.Subscription subscription, WatchedChange change) {
        ObjectNode root = json.createObjectNode();
        root.put("type", "hostledger." + change.eventType());
        root.put("timestamp", change.recordedAt().toString());
        ObjectNode data = root.putObject("data");
        data.put("id", id);
        data.put("subscription", subscription.id());
        data.put("position", change.position());
        ObjectNode record = data.putObject("record");
        record.put("id", change.recordId());
        record.put("type", change.recordType());
        if (change.hostId() != null) {
            record.put("hostId", change.hostId());
        }
        if (change.registerId() != null) {
            record.put("register", change.registerId());
        }
        WatchLinks.api(change).ifPresent(url -> record.put("api", url));
        WatchLinks.page(change).ifPresent(url -> record.put("page", url));
        ObjectNode event = data.putObject("event");
        event.put("type", change.eventType());
        if (change.effectiveOn() != null) {
            event.put("effectiveOn", change.effectiveOn().toString());
        }
        event.put("recordedAt", change.recordedAt().toString());
        try {
            event.set("payload", json.readTree(change.payload()));
            Object state = state(change);
            if (state != null) {
                data.set("state", json.valueToTree(state));
            }
            return json.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored change that cannot be read back", e);
        }
    }

    /**
     * The record as the ledger knew it when the event was recorded, on today's date (for an alert, the record it is
     * about); null for register records.
     */
    private Object state(WatchedChange change) {
        TimePoint at = new TimePoint(params.today(), change.recordedAt());
        return switch (change.recordType()) {
            case "Host" -> state(new FindHost(change.recordId(), at), HostView.class);
            case "Certification" -> state(new FindCertification(change.recordId(), at), CertificationView.class);
            case "HostingDecision" -> state(new FindDecision(change.recordId(), at), DecisionView.class);
            // An alert's state is that of the certificate or decision it is about.
            case "Alert" ->
                change.payload().contains("\"kind\":\"DECISION_")
                        ? state(new FindDecision(change.recordId(), at), DecisionView.class)
                        : state(new FindCertification(change.recordId(), at), CertificationView.class);
            default -> null;
        };
    }

    /**
     * Known at a past instant the views hold, a record's state cannot change: it is read once and kept for the other
     * subscriptions notified of the same event (nothing found is not kept).
     */
    private <R> R state(Object query, Class<R> type) {
        return type.cast(states.get(query, q -> queries.askUncached(q, type)));
    }
}
