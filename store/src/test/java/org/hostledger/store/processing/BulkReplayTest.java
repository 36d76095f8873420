package org.hostledger.store.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.IntStream;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * When a bulk replay does what its batches left undone ({@link AfterBulkReplay}): in the transaction whose token ends
 * the replay, not after it, so that no node, reading that token, serves a view whose counts are not written yet. Found
 * as a flaky {@code ViewsRebuildingTest} in CI: between the batch that reached the reset point and the replay's end,
 * the token table said "rebuilt" while the counts were still to be written.
 *
 * <p>Axon's in-memory engine and token store, and no transactions: what a transaction would hold together shows here
 * as the order of the writes.
 */
class BulkReplayTest {

    private static final String NAME = "p";
    private static final int HISTORY = 10;

    private final InMemoryEventStorageEngine engine = new InMemoryEventStorageEngine();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final ScheduledExecutorService coordinator = Executors.newSingleThreadScheduledExecutor();
    private final ScheduledExecutorService workers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService feeders = Executors.newCachedThreadPool();
    private final ProjectionProgress progress = new ProjectionProgress(null, null, null, null);

    /** Each event handled, with how it was fed: "bulk" (the resource set) or "live". */
    private final List<String> handled = new CopyOnWriteArrayList<>();

    /** The token stored when {@link AfterBulkReplay#replayed} ran, and how many times it ran. */
    private final List<TrackingToken> tokensWhenFinished = new CopyOnWriteArrayList<>();

    private PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        coordinator.shutdownNow();
        workers.shutdownNow();
        feeders.shutdownNow();
    }

    /** A projection's handler: records each event; on the first one, another event is recorded (during the replay). */
    class Projection {
        @EventHandler
        void on(String event) {
            boolean bulk = Boolean.TRUE.equals(CurrentUnitOfWork.get().root().getResource(AfterBulkReplay.RESOURCE));
            handled.add(event + (bulk ? " bulk" : " live"));
            if (event.equals("e0") && handled.size() == 1) {
                engine.appendEvents(GenericEventMessage.asEventMessage("recorded during the replay"));
            }
        }
    }

    @Test
    void whatTheBatchesLeftUndoneIsDoneWithTheTokenThatEndsTheReplayAndLaterEventsAreFedLive() {
        IntStream.range(0, HISTORY).forEach(i -> engine.appendEvents(GenericEventMessage.asEventMessage("e" + i)));
        tokens.initializeTokenSegments(NAME, 1);
        processor = PooledStreamingEventProcessor.builder()
                .name(NAME)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new Projection())
                        .build())
                .messageSource(
                        EmbeddedEventStore.builder().storageEngine(engine).build())
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.INSTANCE)
                .coordinatorExecutor(coordinator)
                .workerExecutor(workers)
                .build();
        AfterBulkReplay finish = projection -> {
            assertThat(projection).isEqualTo(NAME);
            tokensWhenFinished.add(tokens.fetchToken(NAME, 0));
        };
        BulkReplay replay = new BulkReplay(
                List.of(new BulkReplay.Target(NAME, processor)),
                engine,
                tokens,
                NoTransactionManager.INSTANCE,
                feeders,
                progress,
                List.of(finish),
                1);

        replay.run(replay.prepare());

        // The history up to the reset point (the last of e0..e9) fed in bulk; the event recorded meanwhile, after
        // the reset point, fed as a processor would.
        List<String> history =
                IntStream.range(0, HISTORY).mapToObj(i -> "e" + i + " bulk").toList();
        assertThat(handled.subList(0, HISTORY)).containsExactlyElementsOf(history);
        assertThat(handled.subList(HISTORY, handled.size())).containsExactly("recorded during the replay live");

        // Done once, before the token that reaches the reset point is stored: the token then still says "replaying".
        assertThat(tokensWhenFinished).hasSize(1);
        TrackingToken whenFinished = tokensWhenFinished.get(0);
        assertThat(whenFinished).isInstanceOf(ReplayToken.class);
        assertThat(whenFinished.position()).hasValue(HISTORY - 2);
        assertThat(((ReplayToken) whenFinished).getTokenAtReset())
                .isEqualTo(new GlobalSequenceTrackingToken(HISTORY - 1));

        // The replay ends at the last event, handed back to the processor.
        assertThat(tokens.fetchToken(NAME, 0)).isEqualTo(new GlobalSequenceTrackingToken(HISTORY));
        assertThat(processor.isRunning()).isTrue();
    }

    @Test
    void aProjectionIsReplayingWhileThisNodeRebuildsItWhateverItsTokensSay() {
        List<TrackingToken> rebuilt = List.of(new GlobalSequenceTrackingToken(9));
        List<TrackingToken> halfway = List.of(
                ReplayToken.createReplayToken(new GlobalSequenceTrackingToken(9), new GlobalSequenceTrackingToken(3)));
        assertThat(progress.replaying(NAME, rebuilt)).isFalse();
        assertThat(progress.replaying(NAME, halfway)).isTrue();

        progress.rebuildStarted(NAME);
        // Its last batch may have stored a token at the reset point while it finishes.
        assertThat(progress.replaying(NAME, rebuilt)).isTrue();
        assertThat(progress.replaying("other", rebuilt)).isFalse();

        progress.rebuildEnded(NAME);
        assertThat(progress.replaying(NAME, rebuilt)).isFalse();
    }
}
