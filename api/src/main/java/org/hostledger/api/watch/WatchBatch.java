package org.hostledger.api.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * The watch processor's work for one batch of events, written when the batch commits, in its transaction: the new
 * change rows and the hosts of records as two JDBC batches, then one notification per webhook subscription whose
 * filter selects a change. Which positions are recorded already (a batch processed again, a replay of the watch) is
 * read for a window of positions at once, and which host a record is about is read once and then kept, together
 * with what this batch itself set.
 *
 * <p>Without a unit of work (a handler called directly) each change is written at once.
 */
final class WatchBatch {

    /** Positions whose change rows one query reads when asking which are recorded already. */
    static final int WINDOW = 4096;

    private static final String KEY = "hostledger-watch-batch";

    private final WatchStore store;
    private final Clock clock;
    private final Runnable wake;
    private final boolean immediate;
    private final List<WatchedChange> changes = new ArrayList<>();
    /** The host of each record this batch read or set (empty: about no host). */
    private final Map<String, Optional<String>> hosts = new HashMap<>();
    /** The hosts this batch set, to write. */
    private final Map<String, String> hostsSet = new LinkedHashMap<>();

    private long windowFrom = Long.MAX_VALUE;
    private long windowTo = Long.MIN_VALUE;
    private Set<Long> recordedInWindow = Set.of();

    private WatchBatch(WatchStore store, Clock clock, Runnable wake, boolean immediate) {
        this.store = store;
        this.clock = clock;
        this.wake = wake;
        this.immediate = immediate;
    }

    /**
     * The batch of the unit of work being processed; {@code wake} runs once it committed when it put notifications in
     * the outbox (at once without a unit of work).
     */
    static WatchBatch current(WatchStore store, Clock clock, Runnable wake) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new WatchBatch(store, clock, wake, true);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(KEY, key -> {
            WatchBatch batch = new WatchBatch(store, clock, wake, false);
            root.onPrepareCommit(u -> {
                if (batch.flush()) {
                    root.afterCommit(done -> wake.run());
                }
            });
            return batch;
        });
    }

    /** Whether the change at {@code position} is recorded already (by an earlier processing of its event). */
    boolean recorded(long position) {
        if (immediate) {
            return store.hasChange(position);
        }
        if (position < windowFrom || position >= windowTo) {
            windowFrom = position;
            windowTo = position + WINDOW;
            recordedInWindow = store.changesBetween(windowFrom, windowTo);
        }
        return recordedInWindow.contains(position);
    }

    /** The host {@code recordId} is about, as set by this batch or earlier. */
    Optional<String> hostOf(String recordId) {
        return hosts.computeIfAbsent(recordId, store::hostOf);
    }

    void setHostOf(String recordId, String hostId) {
        hosts.put(recordId, Optional.of(hostId));
        hostsSet.put(recordId, hostId);
    }

    /** A change to record; without a unit of work it is written at once (and the outbox woken if it notified). */
    void add(WatchedChange change) {
        changes.add(change);
        if (immediate && flush()) {
            wake.run();
        }
    }

    /** Writes what the batch holds; answers whether it put notifications in the outbox. */
    private boolean flush() {
        if (changes.isEmpty() && hostsSet.isEmpty()) {
            return false;
        }
        store.insertChanges(changes);
        store.setHostsOf(hostsSet);
        boolean enqueued = false;
        if (!changes.isEmpty()) {
            long last =
                    changes.stream().mapToLong(WatchedChange::position).max().orElseThrow();
            List<WatchStore.Subscription> subscriptions = store.webhookSubscriptionsBefore(last);
            Instant now = clock.instant();
            for (WatchedChange change : changes) {
                for (WatchStore.Subscription subscription : subscriptions) {
                    if (subscription.fromPosition() < change.position()
                            && subscription.filter().matches(change)) {
                        store.enqueue(
                                WatchProcessor.notificationId(subscription.id(), change.position()),
                                subscription.id(),
                                change.position(),
                                change.recordId(),
                                now);
                        enqueued = true;
                    }
                }
            }
        }
        changes.clear();
        hostsSet.clear();
        return enqueued;
    }
}
