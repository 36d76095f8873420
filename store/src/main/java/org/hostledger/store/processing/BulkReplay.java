package org.hostledger.store.processing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.hostledger.core.rule.RuleViolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rebuilds projections from the first event by feeding each processor's own event handlers, in batches of
 * {@code batchSize} events, one transaction and one token update per batch and projection — and reads the event store
 * once for all of them: one reader scans the store and decodes each payload that some projection handles, and hands
 * every batch to one feeder thread per projection, which runs that projection's handlers.
 *
 * <p>It replaces Axon's replay of a pooled processor (reset its tokens, let it catch up), whose coordinator hands at
 * most 1,024 events to its work packages and then waits 100 ms: a ceiling of about ten thousand events a second
 * whatever the handlers can do. Here the handlers, reset handlers, transactions and token store are the same; only
 * the feeding is direct. Tokens are kept as Axon's replay tokens while it runs, so progress shows on every node, and a
 * node stopped mid-replay resumes each projection from its own last batch when it starts again.
 *
 * <p>Events are read from the storage engine, a batch of rows at a time, not through the event store's shared stream:
 * that stream keeps every event fetched since its slowest reader's position in memory, and two replays reading a
 * million events at different speeds held hundreds of thousands of them there (a heap dump of the benchmark under
 * {@code -Xmx512m}, run out of memory, showed 348,000 cached event nodes). Between the reader and each feeder at most
 * {@link #QUEUED_BATCHES} batches wait, so memory stays bounded whatever the speed of each projection.
 */
final class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);

    /** Batches read ahead of the slowest projection. */
    static final int QUEUED_BATCHES = 4;

    /** Sent after the last batch: the history is complete. */
    private static final List<TrackedEventMessage<?>> END = new ArrayList<>(0);

    /** Sent when reading failed: the feeder stops, and its processor resumes from the last batch handled. */
    private static final List<TrackedEventMessage<?>> ABORT = new ArrayList<>(0);

    /** A projection to rebuild: its processor and (once prepared) the segments it claimed. */
    record Target(String name, StreamingEventProcessor processor) {}

    private final List<Target> targets;
    private final EventStorageEngine storageEngine;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final ExecutorService executor;
    private final ProjectionProgress progress;
    private final List<AfterBulkReplay> afterReplay;
    private final int batchSize;

    BulkReplay(
            List<Target> targets,
            EventStorageEngine storageEngine,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            ExecutorService executor,
            ProjectionProgress progress,
            List<AfterBulkReplay> afterReplay,
            int batchSize) {
        this.targets = List.copyOf(targets);
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.executor = executor;
        this.progress = progress;
        this.afterReplay = List.copyOf(afterReplay);
        this.batchSize = batchSize;
    }

    /**
     * Claims every segment of every projection and marks it as replaying (replay tokens, one transaction per
     * projection), then clears each (its reset handlers, one transaction per projection); fails when another node
     * holds a segment, after starting again the processors it had stopped.
     *
     * <p>Between the two, it waits a little longer than {@link ProjectionProgress#REBUILD_CHECK}: every node then
     * knows the views are being rebuilt, and refuses to serve them, before any table is cleared.
     */
    Map<String, int[]> prepare() {
        Map<String, int[]> prepared = new LinkedHashMap<>();
        TrackingToken head = storageEngine.createHeadToken();
        for (Target target : targets) {
            StreamingEventProcessor processor = target.processor();
            processor.shutDown();
            String name = target.name();
            int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name));
            try {
                // The replay tokens are committed before the reset handlers run: they may clear with TRUNCATE, which
                // commits at once on H2. A crash in between leaves the projection marked as replaying, and its
                // rebuild starts again with the application (see ProjectionReplays#resumeInterrupted).
                transactionManager.executeInTransaction(() -> {
                    for (int segment : segments) {
                        tokenStore.fetchToken(name, segment);
                    }
                    for (int segment : segments) {
                        tokenStore.storeToken(ReplayToken.createReplayToken(head, null), name, segment);
                    }
                });
            } catch (UnableToClaimTokenException e) {
                processor.start();
                // The ones already marked are cleared, and replay through their own processors from their replay
                // tokens: their rows must not stay under tokens that replay from the first event.
                if (!prepared.isEmpty()) {
                    letEveryNodeSee();
                }
                for (Target done : targets) {
                    if (prepared.containsKey(done.name())) {
                        clear(done);
                        done.processor().start();
                        progress.rebuildEnded(done.name());
                    }
                }
                throw new RuleViolation("the projection " + name + " is running on another node; stop it there first");
            }
            progress.rebuildStarted(name);
            prepared.put(name, segments);
        }
        letEveryNodeSee();
        for (Target target : targets) {
            clear(target);
        }
        return prepared;
    }

    /** Waits until every node asks the token table again, and so knows that the marked projections are rebuilding. */
    private static void letEveryNodeSee() {
        try {
            Thread.sleep(ProjectionProgress.REBUILD_CHECK.toMillis() + 50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting a rebuild", e);
        }
    }

    private void clear(Target target) {
        transactionManager.executeInTransaction(invoker(target)::performReset);
    }

    /**
     * Replays every event up to the head (including those recorded meanwhile) to every projection, then hands each
     * back to its processor. A projection whose handlers fail is started again at once and resumes from its last
     * batch through its processor; the others go on. Fails, once all are done, when any failed.
     */
    void run(Map<String, int[]> segments) {
        TrackingToken tokenAtReset = storageEngine.createHeadToken();
        List<Feeder> feeders = new ArrayList<>();
        for (Target target : targets) {
            feeders.add(new Feeder(target, invoker(target), segments.get(target.name()), tokenAtReset));
        }
        List<Future<?>> running = new ArrayList<>();
        for (Feeder feeder : feeders) {
            running.add(executor.submit(feeder));
        }
        long[] events = {-1};
        try {
            events[0] = read(feeders);
        } finally {
            // When reading failed, each feeder stops after what it was given; its processor resumes from there.
            for (Feeder feeder : feeders) {
                feeder.offer(events[0] < 0 ? ABORT : END);
            }
        }
        RuntimeException failure = null;
        for (Future<?> future : running) {
            try {
                future.get();
            } catch (ExecutionException e) {
                failure = failure == null ? new IllegalStateException("replay failed", e.getCause()) : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            }
        }
        if (failure != null) {
            throw failure;
        }
        log.info(
                "projections {} rebuilt from {} events in one pass",
                targets.stream().map(Target::name).toList(),
                events[0]);
    }

    /** Reads the whole store, a batch at a time, decoding what some projection handles; answers how many events. */
    private long read(List<Feeder> feeders) {
        TrackingToken last = null;
        long events = 0;
        List<TrackedEventMessage<?>> batch = new ArrayList<>(batchSize);
        // A stream of the storage engine ends at the head it found; events recorded meanwhile are read by the next.
        boolean more = true;
        while (more) {
            more = false;
            try (Stream<? extends TrackedEventMessage<?>> stream = storageEngine.readEvents(last, false)) {
                Iterator<? extends TrackedEventMessage<?>> read = stream.iterator();
                while (read.hasNext()) {
                    TrackedEventMessage<?> message = read.next();
                    decode(message, feeders);
                    batch.add(message);
                    more = true;
                    if (batch.size() == batchSize) {
                        last = publish(batch, feeders);
                        events += batch.size();
                        batch = new ArrayList<>(batchSize);
                    }
                }
            }
            if (!batch.isEmpty()) {
                last = publish(batch, feeders);
                events += batch.size();
                batch = new ArrayList<>(batchSize);
            }
        }
        return events;
    }

    /**
     * Decodes the payload here, on the reader's thread, when some projection handles it: the feeders then find it
     * decoded (the queue hands it over safely), and Jackson runs beside the handlers rather than before them.
     */
    private static void decode(TrackedEventMessage<?> message, List<Feeder> feeders) {
        for (Feeder feeder : feeders) {
            if (feeder.invoker.canHandleType(message.getPayloadType())) {
                message.getPayload();
                return;
            }
        }
    }

    private static TrackingToken publish(List<TrackedEventMessage<?>> batch, List<Feeder> feeders) {
        for (Feeder feeder : feeders) {
            feeder.offer(batch);
        }
        return batch.get(batch.size() - 1).trackingToken();
    }

    /** Feeds one projection's handlers the batches the reader hands it, each in its own transaction. */
    private final class Feeder implements Runnable {

        private final Target target;
        private final EventHandlerInvoker invoker;
        private final int[] segments;
        private final TrackingToken tokenAtReset;
        private final BlockingQueue<List<TrackedEventMessage<?>>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        /** Whether this projection has a handler for a payload type (asked once a type; this feeder's thread only). */
        private final Map<Class<?>, Boolean> handledTypes = new HashMap<>();

        private volatile boolean stopped;

        /**
         * Whether the history up to the reset point is in the tables, with what bulk feeding leaves undone ({@link
         * #finish}): done in the transaction of the batch that reaches the reset point, the one whose token tells every
         * node that the views are whole again. Later batches (events recorded during the replay) are fed as a
         * processor would feed them, doing that work as they go. This feeder's thread only.
         */
        private boolean caughtUp;

        Feeder(Target target, EventHandlerInvoker invoker, int[] segments, TrackingToken tokenAtReset) {
            this.target = target;
            this.invoker = invoker;
            this.segments = segments;
            this.tokenAtReset = tokenAtReset;
        }

        /** Waits for room, unless this feeder has stopped (failed): then the batch is not its to handle. */
        void offer(List<TrackedEventMessage<?>> batch) {
            try {
                while (!stopped) {
                    if (queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying", e);
            }
        }

        @Override
        public void run() {
            String name = target.name();
            TrackingToken last = null;
            boolean complete = false;
            try {
                while (true) {
                    List<TrackedEventMessage<?>> batch = queue.take();
                    if (batch == END) {
                        break;
                    }
                    if (batch == ABORT) {
                        return;
                    }
                    last = handle(batch);
                }
                TrackingToken end = last;
                transactionManager.executeInTransaction(() -> {
                    if (!caughtUp) {
                        finish(name);
                    }
                    for (int segment : segments) {
                        tokenStore.storeToken(end, name, segment);
                        tokenStore.releaseClaim(name, segment);
                    }
                });
                complete = true;
                log.info("projection {} rebuilt", name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while replaying " + name, e);
            } catch (RuntimeException e) {
                log.error("replay of projection {} failed; it restarts from where it stopped", name, e);
                throw e;
            } finally {
                stopped = true;
                queue.clear();
                if (!complete && !caughtUp) {
                    // Its processor goes on from the last batch, one event at a time: what the batches so far left
                    // undone is done now, and the processor keeps it up as it goes.
                    try {
                        transactionManager.executeInTransaction(() -> finish(name));
                    } catch (RuntimeException e) {
                        log.error(
                                "projection {}: what its bulk replay left undone could not be done; replay it again",
                                name,
                                e);
                    }
                }
                target.processor().start();
                progress.rebuildEnded(name);
                if (!complete) {
                    log.warn("projection {} goes on replaying through its processor", name);
                }
            }
        }

        /**
         * Runs the projection's handlers on the events of the batch it has handlers for, and records the batch's end
         * as its position. The others are left out before Axon sees them: for each event and projection, Axon's
         * invoker looks for a handler anew, with streams, and its unit of work gives every event a result message with
         * a fresh random identifier, even when no handler takes it (most events, for all projections but the watch).
         */
        private TrackingToken handle(List<TrackedEventMessage<?>> batch) {
            TrackingToken position = batch.get(batch.size() - 1).trackingToken();
            List<TrackedEventMessage<?>> handled = new ArrayList<>(batch.size());
            for (TrackedEventMessage<?> message : batch) {
                if (handledTypes.computeIfAbsent(message.getPayloadType(), invoker::canHandleType)) {
                    handled.add(message);
                }
            }
            boolean catchesUp = !caughtUp && reaches(position);
            transactionManager.executeInTransaction(() -> {
                if (!handled.isEmpty()) {
                    BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(handled);
                    if (!caughtUp) {
                        unitOfWork.resources().put(AfterBulkReplay.RESOURCE, Boolean.TRUE);
                    }
                    ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                        invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
                        return null;
                    });
                    if (result.isExceptional()) {
                        throw new IllegalStateException(
                                "replay of " + target.name() + " failed", result.exceptionResult());
                    }
                }
                if (catchesUp) {
                    finish(target.name());
                }
                TrackingToken token = ReplayToken.createReplayToken(tokenAtReset, position);
                for (int segment : segments) {
                    tokenStore.storeToken(token, target.name(), segment);
                }
            });
            caughtUp |= catchesUp;
            return position;
        }

        /**
         * Whether a batch ending at {@code position} holds the reset point: its token no longer reads as replaying
         * (see {@link ProjectionProgress#rebuilding()}), so other nodes serve the views from its commit on.
         */
        private boolean reaches(TrackingToken position) {
            return tokenAtReset == null
                    || position.position().orElse(-1) >= tokenAtReset.position().orElse(-1);
        }
    }

    /** What the handlers of {@code name} left undone while fed in bulk (see {@link AfterBulkReplay}). */
    private void finish(String name) {
        for (AfterBulkReplay after : afterReplay) {
            after.replayed(name);
        }
    }

    private static EventHandlerInvoker invoker(Target target) {
        if (!(target.processor() instanceof AbstractEventProcessor abstractProcessor)) {
            throw new IllegalStateException("cannot reach the handlers of " + target.name());
        }
        return abstractProcessor.eventHandlerInvoker();
    }
}
