package org.hostledger.store.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The streams of {@link SignallingEventStore} accept a reader's availability callback (Axon's pooled processors then
 * look for events when told) and call it on the poll, and soon after a waiter asks for a wake-up — not after every
 * commit, unless a standing reader asks to keep up with commits.
 */
class SignallingEventStoreTest {

    private SignallingEventStore store;

    private SignallingEventStore store(Duration poll) {
        return store(poll, Duration.ZERO);
    }

    private SignallingEventStore store(Duration poll, Duration delay) {
        store = SignallingEventStore.create(
                EmbeddedEventStore.builder()
                        .storageEngine(new InMemoryEventStorageEngine())
                        .optimizeEventConsumption(false),
                poll,
                delay);
        return store;
    }

    @AfterEach
    void shutDown() {
        if (store != null) {
            store.shutDown();
        }
    }

    @Test
    void aWakeUpSignalsTheReader() throws Exception {
        SignallingEventStore events = store(Duration.ofHours(1));
        TrackingEventStream stream = events.openStream(null);
        CountDownLatch signalled = new CountDownLatch(1);

        assertThat(stream.setOnAvailableCallback(signalled::countDown))
                .as("the stream says it will call back, so the processor stops polling")
                .isTrue();
        events.publish(GenericEventMessage.asEventMessage("recorded"));
        events.wakeUp();

        assertThat(signalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("recorded");
        stream.close();
    }

    @Test
    void aCommitNobodyWaitsForIsLeftToThePoll() throws Exception {
        SignallingEventStore events = store(Duration.ofHours(1));
        TrackingEventStream stream = events.openStream(null);
        AtomicInteger signals = new AtomicInteger();
        stream.setOnAvailableCallback(signals::incrementAndGet);

        events.publish(GenericEventMessage.asEventMessage("recorded"));
        Thread.sleep(200);

        assertThat(signals)
                .as("a signal per commit cut command append with the projections running 2× to 4×")
                .hasValue(0);
        stream.close();
    }

    @Test
    void wakeUpsWithinTheDelayShareOneSignal() throws Exception {
        SignallingEventStore events = store(Duration.ofHours(1), Duration.ofSeconds(2));
        TrackingEventStream stream = events.openStream(null);
        AtomicInteger signals = new AtomicInteger();
        CountDownLatch signalled = new CountDownLatch(1);
        stream.setOnAvailableCallback(() -> {
            signals.incrementAndGet();
            signalled.countDown();
        });

        for (int i = 0; i < 5; i++) {
            events.wakeUp();
        }
        assertThat(signals).as("nothing is signalled before the delay").hasValue(0);

        assertThat(signalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(signals).as("five requests, one signal").hasValue(1);
        stream.close();
    }

    @Test
    void whileDemandedACommitIsSignalledWithinTheDelay() throws Exception {
        SignallingEventStore events = store(Duration.ofHours(1));
        TrackingEventStream stream = events.openStream(null);
        AtomicInteger asked = new AtomicInteger();
        CountDownLatch signalled = new CountDownLatch(1);
        stream.setOnAvailableCallback(signalled::countDown);
        events.keepUpWithCommits(Duration.ofMillis(20), () -> asked.incrementAndGet() > 0);

        Thread.sleep(200);
        assertThat(asked).as("no commit: the demand is not even asked").hasValue(0);
        assertThat(signalled.getCount()).isEqualTo(1);

        events.publish(GenericEventMessage.asEventMessage("recorded"));
        assertThat(signalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(asked).hasValue(1);
        stream.close();
    }

    @Test
    void withoutDemandOrOnceCancelledACommitIsLeftToThePoll() throws Exception {
        SignallingEventStore events = store(Duration.ofHours(1));
        TrackingEventStream stream = events.openStream(null);
        AtomicInteger signals = new AtomicInteger();
        stream.setOnAvailableCallback(signals::incrementAndGet);
        AtomicBoolean demanded = new AtomicBoolean();
        CountDownLatch asked = new CountDownLatch(1);
        var keepingUp = events.keepUpWithCommits(Duration.ofMillis(10), () -> {
            asked.countDown();
            return demanded.get();
        });

        events.publish(GenericEventMessage.asEventMessage("nobody subscribed"));
        assertThat(asked.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(signals).as("asked, not demanded").hasValue(0);

        keepingUp.cancel();
        demanded.set(true);
        events.publish(GenericEventMessage.asEventMessage("after the cancel"));
        Thread.sleep(200);
        assertThat(signals).as("cancelled").hasValue(0);
        stream.close();
    }

    @Test
    void aFailingDemandLeavesTheCommitToThePollAndKeepsAsking() throws Exception {
        SignallingEventStore events = store(Duration.ofHours(1));
        TrackingEventStream stream = events.openStream(null);
        CountDownLatch signalled = new CountDownLatch(1);
        stream.setOnAvailableCallback(signalled::countDown);
        AtomicInteger asked = new AtomicInteger();
        events.keepUpWithCommits(Duration.ofMillis(10), () -> {
            if (asked.incrementAndGet() == 1) {
                throw new IllegalStateException("the subscriptions table is not there");
            }
            return true;
        });

        events.publish(GenericEventMessage.asEventMessage("first"));
        Thread.sleep(200);
        assertThat(asked).hasValue(1);
        assertThat(signalled.getCount()).as("failed: not signalled").isEqualTo(1);

        events.publish(GenericEventMessage.asEventMessage("second"));
        assertThat(signalled.await(10, TimeUnit.SECONDS)).isTrue();
        stream.close();
    }

    @Test
    void keepingUpNeedsAPositiveDelay() {
        SignallingEventStore events = store(Duration.ofHours(1));
        assertThatThrownBy(() -> events.keepUpWithCommits(Duration.ZERO, () -> true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }

    @Test
    void aNegativeDelayIsRefused() {
        assertThatThrownBy(() -> store(Duration.ofHours(1), Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("negative");
    }

    @Test
    void thePollSignalsWhatNoLocalCommitAnnounced() throws Exception {
        SignallingEventStore events = store(Duration.ofMillis(20));
        TrackingEventStream stream = events.openStream(null);
        CountDownLatch signalled = new CountDownLatch(3);
        stream.setOnAvailableCallback(signalled::countDown);

        assertThat(signalled.await(10, TimeUnit.SECONDS)).isTrue();
        stream.close();
    }

    @Test
    void aClosedStreamOrAReplacedCallbackIsNotSignalledAgain() {
        SignallingEventStore events = store(Duration.ofHours(1));
        TrackingEventStream stream = events.openStream(null);
        AtomicInteger first = new AtomicInteger();
        AtomicInteger second = new AtomicInteger();

        stream.setOnAvailableCallback(first::incrementAndGet);
        stream.setOnAvailableCallback(second::incrementAndGet);
        assertThat(events.listeners()).isEqualTo(1);
        events.signal();
        assertThat(first).hasValue(0);
        assertThat(second).hasValue(1);

        stream.close();
        assertThat(events.listeners()).isZero();
        events.signal();
        assertThat(second).hasValue(1);
    }

    @Test
    void aFailingCallbackDoesNotStopTheOthers() {
        SignallingEventStore events = store(Duration.ofHours(1));
        TrackingEventStream failing = events.openStream(null);
        TrackingEventStream working = events.openStream(null);
        AtomicInteger calls = new AtomicInteger();
        failing.setOnAvailableCallback(() -> {
            throw new IllegalStateException("a reader's own failure");
        });
        working.setOnAvailableCallback(calls::incrementAndGet);

        events.signal();

        assertThat(calls).hasValue(1);
        failing.close();
        working.close();
    }

    /**
     * An aggregate loaded inside a batch (one unit of work, a nested one per command) sees the events the batch
     * staged for it, in order, and no other: the same answer as Axon's own embedded store, which the test runs beside.
     */
    @Test
    void anAggregateLoadedInABatchSeesWhatTheBatchStagedForIt() {
        SignallingEventStore ours = store(Duration.ofHours(1));
        EmbeddedEventStore axons = EmbeddedEventStore.builder()
                .storageEngine(new InMemoryEventStorageEngine())
                .build();
        try {
            for (EmbeddedEventStore events : List.of(ours, axons)) {
                events.publish(domainEvent("a", 0, "stored"));
                UnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(null);
                try {
                    events.publish(domainEvent("a", 1, "batch"), domainEvent("b", 0, "other"));
                    // Run as Axon runs a command (with its result kept), so that its rollback with the batch finds it.
                    DefaultUnitOfWork.startAndGet(null)
                            .execute(() -> events.publish(domainEvent("a", 2, "first command")));
                    UnitOfWork<?> second = DefaultUnitOfWork.startAndGet(null);
                    events.publish(domainEvent("c", 0, "other"), domainEvent("a", 3, "second command"));

                    assertThat(events.readEvents("a").asStream().map(m -> (String) m.getPayload()))
                            .as("%s", events.getClass().getSimpleName())
                            .containsExactly("stored", "batch", "first command", "second command");
                    assertThat(events.readEvents("a", 2).asStream().map(DomainEventMessage::getSequenceNumber))
                            .containsExactly(2L, 3L);
                    assertThat(events.readEvents("b").asStream().map(m -> (String) m.getPayload()))
                            .containsExactly("other");
                    second.rollback(new IllegalStateException("the test ends the second command"));
                } finally {
                    // With a cause, as Axon rolls back: its event bus reads the cause, and logs an error without one.
                    batch.rollback(new IllegalStateException("the test ends the batch"));
                }
                assertThat(events.readEvents("a").asStream().map(m -> (String) m.getPayload()))
                        .as("a batch rolled back stages nothing")
                        .containsExactly("stored");
            }
        } finally {
            axons.shutDown();
        }
    }

    @Test
    void outsideAnyUnitOfWorkNothingIsStaged() {
        SignallingEventStore events = store(Duration.ofHours(1));
        assertThat(events.stagedDomainEventMessages("a")).isEmpty();
    }

    private static DomainEventMessage<String> domainEvent(String aggregate, long sequence, String payload) {
        return new GenericDomainEventMessage<>("Test", aggregate, sequence, payload);
    }
}
