package org.hostledger.store.processing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
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
 * Rebuilds one projection from the first event by feeding the processor's own event handlers, in batches of
 * {@code batchSize} events, one transaction and one token update per batch, from a single stream of the event store.
 *
 * <p>It replaces Axon's replay of a pooled processor (reset its tokens, let it catch up), whose coordinator hands at
 * most 1,024 events to its work packages and then waits 100 ms: a ceiling of about ten thousand events a second
 * whatever the handlers can do. Here the handlers, reset handlers, transactions and token store are the same; only
 * the feeding is direct. Tokens are kept as Axon's replay tokens while it runs, so progress shows on every node.
 *
 * <p>Events are read from the storage engine, a batch of rows at a time, not through the event store's shared stream:
 * that stream keeps every event fetched since its slowest reader's position in memory, and two replays reading a
 * million events at different speeds held hundreds of thousands of them there (a heap dump of the benchmark under
 * {@code -Xmx512m}, run out of memory, showed 348,000 cached event nodes).
 */
final class BulkReplay {

    private static final Logger log = LoggerFactory.getLogger(BulkReplay.class);

    private final String name;
    private final StreamingEventProcessor processor;
    private final EventStorageEngine storageEngine;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final int batchSize;

    BulkReplay(
            String name,
            StreamingEventProcessor processor,
            EventStorageEngine storageEngine,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            int batchSize) {
        this.name = name;
        this.processor = processor;
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.batchSize = batchSize;
    }

    /** Claims every segment and clears the projection (its reset handlers); fails when another node holds one. */
    int[] prepare() {
        processor.shutDown();
        EventHandlerInvoker invoker = invoker();
        int[] segments = transactionManager.fetchInTransaction(() -> tokenStore.fetchSegments(name));
        TrackingToken head = storageEngine.createHeadToken();
        try {
            transactionManager.executeInTransaction(() -> {
                for (int segment : segments) {
                    tokenStore.fetchToken(name, segment);
                }
                invoker.performReset();
                for (int segment : segments) {
                    tokenStore.storeToken(ReplayToken.createReplayToken(head, null), name, segment);
                }
            });
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw new RuleViolation("the projection " + name + " is running on another node; stop it there first");
        }
        return segments;
    }

    /** Replays every event up to the head (including those recorded meanwhile), then hands back to the processor. */
    void run(int[] segments) {
        EventHandlerInvoker invoker = invoker();
        TrackingToken tokenAtReset = storageEngine.createHeadToken();
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
                    batch.add(read.next());
                    more = true;
                    if (batch.size() == batchSize) {
                        last = handle(invoker, batch, segments, tokenAtReset);
                        events += batch.size();
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                last = handle(invoker, batch, segments, tokenAtReset);
                events += batch.size();
                batch.clear();
            }
        }
        TrackingToken end = last;
        transactionManager.executeInTransaction(() -> {
            for (int segment : segments) {
                tokenStore.storeToken(end, name, segment);
                tokenStore.releaseClaim(name, segment);
            }
        });
        log.info("projection {} rebuilt from {} events", name, events);
        processor.start();
    }

    private TrackingToken handle(
            EventHandlerInvoker invoker,
            List<TrackedEventMessage<?>> batch,
            int[] segments,
            TrackingToken tokenAtReset) {
        TrackingToken position = batch.get(batch.size() - 1).trackingToken();
        transactionManager.executeInTransaction(() -> {
            BatchingUnitOfWork<TrackedEventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
            ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
                invoker.handle(unitOfWork.getMessage(), Segment.ROOT_SEGMENT);
                return null;
            });
            if (result.isExceptional()) {
                throw new IllegalStateException("replay of " + name + " failed", result.exceptionResult());
            }
            TrackingToken token = ReplayToken.createReplayToken(tokenAtReset, position);
            for (int segment : segments) {
                tokenStore.storeToken(token, name, segment);
            }
        });
        return position;
    }

    private EventHandlerInvoker invoker() {
        if (!(processor instanceof AbstractEventProcessor abstractProcessor)) {
            throw new IllegalStateException("cannot reach the handlers of " + name);
        }
        return abstractProcessor.eventHandlerInvoker();
    }
}
