package org.hostledger.store.processing;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded event store, with streams that tell their reader when events may have arrived.
 *
 * <p>Axon's pooled processors ask their stream for an availability callback. The embedded store's private streams
 * offer none, so an idle processor looked for new events every 500 ms (a fixed delay in Axon's coordinator), and
 * every wait for a position — an import's answer, a webhook held until its views hold the event, {@code
 * X-Ledger-Position} — waited for that poll, once per processor in a chain. Here each stream accepts the callback,
 * and it is called after every local commit that appended events (at once) and every {@code poll} (for events
 * another node or a bulk path appended: the same cadence as before). A callback only makes the processor look; what
 * it reads is the store's, so a spurious signal costs one query.
 */
public class SignallingEventStore extends EmbeddedEventStore {

    private static final Logger log = LoggerFactory.getLogger(SignallingEventStore.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;

    protected SignallingEventStore(Builder builder, Duration poll) {
        super(builder);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hostledger-stream-signal");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, poll.toMillis());
        ticker.scheduleWithFixedDelay(this::signal, every, every, TimeUnit.MILLISECONDS);
    }

    /** The embedded store {@code builder} describes, signalling its streams' readers every {@code poll} at least. */
    public static SignallingEventStore create(Builder builder, Duration poll) {
        return new SignallingEventStore(builder, poll);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new SignalledStream(super.openStream(trackingToken));
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        if (!events.isEmpty()) {
            signal();
        }
    }

    @Override
    public void shutDown() {
        ticker.shutdownNow();
        super.shutDown();
    }

    /** How many readers wait for a signal (their streams are open). */
    public int listeners() {
        return callbacks.size();
    }

    void signal() {
        for (Runnable callback : callbacks) {
            try {
                callback.run();
            } catch (RuntimeException e) {
                // A reader's own failure: the next signal or its own schedule tries again; the commit is not undone.
                log.warn("A stream reader's availability callback failed; it will be signalled again", e);
            }
        }
    }

    private final class SignalledStream implements TrackingEventStream {

        private final TrackingEventStream delegate;
        private volatile Runnable callback;

        SignalledStream(TrackingEventStream delegate) {
            this.delegate = delegate;
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return delegate.peek();
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return delegate.hasNextAvailable(timeout, unit);
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return delegate.nextAvailable();
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            delegate.skipMessagesWithPayloadTypeOf(ignoredMessage);
        }

        @Override
        public boolean setOnAvailableCallback(Runnable newCallback) {
            Runnable previous = callback;
            if (previous != null) {
                callbacks.remove(previous);
            }
            callback = newCallback;
            if (newCallback != null) {
                callbacks.add(newCallback);
            }
            return true;
        }

        @Override
        public void close() {
            Runnable current = callback;
            if (current != null) {
                callbacks.remove(current);
            }
            delegate.close();
        }
    }
}
