package org.hostledger.store.processing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackingEventStream;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The streams of {@link SignallingEventStore} accept a reader's availability callback (Axon's pooled processors then
 * look for events when told, instead of every 500 ms) and call it after a commit that appended events, and on the
 * poll for what no local commit announces.
 */
class SignallingEventStoreTest {

    private SignallingEventStore store;

    private SignallingEventStore store(Duration poll) {
        store = SignallingEventStore.create(
                EmbeddedEventStore.builder()
                        .storageEngine(new InMemoryEventStorageEngine())
                        .optimizeEventConsumption(false),
                poll);
        return store;
    }

    @AfterEach
    void shutDown() {
        store.shutDown();
    }

    @Test
    void aCommitSignalsTheReaderAtOnce() throws Exception {
        SignallingEventStore events = store(Duration.ofHours(1));
        TrackingEventStream stream = events.openStream(null);
        CountDownLatch signalled = new CountDownLatch(1);

        assertThat(stream.setOnAvailableCallback(signalled::countDown))
                .as("the stream says it will call back, so the processor stops polling")
                .isTrue();
        events.publish(GenericEventMessage.asEventMessage("recorded"));

        assertThat(signalled.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(stream.hasNextAvailable()).isTrue();
        assertThat(stream.nextAvailable().getPayload()).isEqualTo("recorded");
        stream.close();
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
}
