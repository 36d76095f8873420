package org.hostledger.store.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.axonframework.common.Registration;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded event store, with streams that tell their reader when to look: every {@code poll}, and soon after
 * someone waits for the projections ({@link #wakeUp()}).
 *
 * <p>Axon's pooled processors ask their stream for an availability callback. The embedded store's private streams
 * offer none, so an idle processor looked for new events every 500 ms (a fixed delay in Axon's coordinator), and
 * every wait for a position — an import's answer, a webhook held until its views hold the event, {@code
 * X-Ledger-Position} — waited for that poll. Here each stream accepts the callback; it is called every {@code poll}
 * (the same cadence as before, for every write, local or another node's) and {@code delay} after a
 * {@link ProjectionProgress#await waiter} asks, the waiters of that delay sharing one call. A callback only makes the
 * processor look; what it reads is the store's, so a spurious call costs one query.
 *
 * <p>Why on demand rather than after each commit: called after every commit, each processor read and processed
 * every event in a transaction of its own, and command append with the projections running fell about 4× (quick
 * benchmark, 1 client 653 → 170 commands/s); with the commits of 25 ms sharing one call, still about 2× (4 segments
 * × 5 processors, each waking 40 times a second, each time a transaction per segment). Writes nobody waits for are
 * processed in the poll's batches; a write someone waits for is seen within {@code delay}.
 */
public class SignallingEventStore extends EmbeddedEventStore implements ProcessorWakeUp {

    private static final Logger log = LoggerFactory.getLogger(SignallingEventStore.class);

    private final Set<Runnable> callbacks = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService ticker;
    private final long delayMillis;
    /** Whether a wake-up is scheduled and not yet sent: later requests join it. */
    private final AtomicBoolean signalDue = new AtomicBoolean();
    /** Whether this node committed events since the last look of {@link #keepUpWithCommits}. */
    private final AtomicBoolean committed = new AtomicBoolean();
    /**
     * The unit-of-work resource under which Axon's event bus stages this store's events: its key is the bus's
     * {@code toString()} and {@code "_EVENTS"} ({@code AbstractEventBus}), and neither is overridden here.
     */
    private final String stagedEventsKey = this + "_EVENTS";

    protected SignallingEventStore(Builder builder, Duration poll, Duration delay) {
        super(builder);
        if (delay.isNegative()) {
            throw new IllegalArgumentException("the wake-up delay cannot be negative: " + delay);
        }
        this.delayMillis = delay.toMillis();
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "hostledger-stream-signal");
            thread.setDaemon(true);
            return thread;
        });
        long every = Math.max(1, poll.toMillis());
        ticker.scheduleWithFixedDelay(this::signal, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * The embedded store {@code builder} describes, signalling its streams' readers every {@code poll}, and {@code
     * delay} after a {@link #wakeUp()}.
     */
    public static SignallingEventStore create(Builder builder, Duration poll, Duration delay) {
        return new SignallingEventStore(builder, poll, delay);
    }

    @Override
    public TrackingEventStream openStream(TrackingToken trackingToken) {
        return new SignalledStream(super.openStream(trackingToken));
    }

    /**
     * Tells every reader to look, {@code delay} from now; requests before then share that one call. Cheap enough to
     * call on every wait: at most one call per delay reaches the processors.
     */
    @Override
    public void wakeUp() {
        if (signalDue.compareAndSet(false, true)) {
            try {
                ticker.schedule(
                        () -> {
                            signalDue.set(false);
                            signal();
                        },
                        delayMillis,
                        TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // Shut down: no reader is left to tell.
                signalDue.set(false);
            }
        }
    }

    /**
     * While {@code demand} answers true, tells every reader to look within {@code within} of each commit of events on
     * this node (the commits of that time sharing one call): for a standing reader, such as webhook subscriptions, that
     * waits for every write rather than for one position. {@code demand} is asked only after such commits; when it
     * fails, the readers are told at the next poll. Cancelling the registration stops it.
     */
    public Registration keepUpWithCommits(Duration within, BooleanSupplier demand) {
        if (within.isNegative() || within.isZero()) {
            throw new IllegalArgumentException("keeping up with commits needs a positive delay: " + within);
        }
        long every = Math.max(1, within.toMillis());
        ScheduledFuture<?> task = ticker.scheduleWithFixedDelay(
                () -> {
                    if (!committed.getAndSet(false)) {
                        return;
                    }
                    boolean wanted;
                    try {
                        wanted = demand.getAsBoolean();
                    } catch (RuntimeException e) {
                        log.warn("Asking whether readers keep up with commits failed; they look at the next poll", e);
                        return;
                    }
                    if (wanted) {
                        signal();
                    }
                },
                every,
                every,
                TimeUnit.MILLISECONDS);
        return () -> task.cancel(false);
    }

    /**
     * The events of {@code aggregateIdentifier} staged in the current unit of work and its parents, oldest first:
     * what Axon's own lookup answers, found in one pass. Axon's first copies every staged event into a list, each
     * checked against the list so far with {@code List.contains}, and an aggregate loaded inside a batch asks it: a
     * batch of n commands on existing aggregates did n²/2 comparisons (a register import's chunk of 1000: 7% of the
     * importing thread). Filtering to the aggregate first leaves the same events in the same order, since equal
     * events are events of the same aggregate.
     */
    @Override
    protected Stream<? extends DomainEventMessage<?>> stagedDomainEventMessages(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return Stream.empty();
        }
        List<DomainEventMessage<?>> staged = new ArrayList<>();
        addStaged(CurrentUnitOfWork.get(), aggregateIdentifier, staged);
        return staged.stream();
    }

    private void addStaged(UnitOfWork<?> unitOfWork, String aggregateIdentifier, List<DomainEventMessage<?>> staged) {
        unitOfWork.parent().ifPresent(parent -> addStaged(parent, aggregateIdentifier, staged));
        if (unitOfWork.isRolledBack()) {
            return;
        }
        List<EventMessage<?>> events = unitOfWork.getOrDefaultResource(stagedEventsKey, List.of());
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain
                    && aggregateIdentifier.equals(domain.getAggregateIdentifier())
                    && !staged.contains(domain)) {
                staged.add(domain);
            }
        }
    }

    @Override
    protected void afterCommit(List<? extends EventMessage<?>> events) {
        super.afterCommit(events);
        committed.set(true);
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
                // A reader's own failure: the next signal tells it again; the others are still told.
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
