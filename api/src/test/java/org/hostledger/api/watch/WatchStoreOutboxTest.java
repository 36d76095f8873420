package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.PostgresTestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox's hot statements: the dispatcher's due query reads the pending notifications in index order and stops at
 * its limit (ordered by position alone, H2 read and sorted the whole backlog at each poll), one batch leases several
 * notifications, answering which this node took, and one transaction records many attempts (the delivery log's
 * writer groups them).
 */
class WatchStoreOutboxTest extends IntegrationTest {

    @Autowired
    private WatchStore store;

    @Test
    void theDueQueryWalksTheIndexInOrderInsteadOfSortingTheBacklog() {
        // H2 plans by rules, so its plan is the same on an empty table as on a backlog; PostgreSQL plans by its
        // statistics of the data at hand, and walks the same index when the backlog makes it worth it.
        assumeFalse(PostgresTestSchema.enabled(), "H2's plan");
        String plan = String.join(
                "\n",
                jdbc.queryForList(
                        "EXPLAIN " + WatchStore.dueQuery(16),
                        String.class,
                        WatchStore.at(Instant.now()),
                        WatchStore.at(Instant.now())));

        assertThat(plan).contains("WATCH_NOTIFICATION_DUE").contains("index sorted");
        assertThat(plan)
                .as("an earlier undelivered notification of the record is one seek per status")
                .contains("WATCH_NOTIFICATION_ORDER: STATUS = 'PENDING'")
                .contains("WATCH_NOTIFICATION_ORDER: STATUS = 'DEAD'");
    }

    @Test
    void aBatchLeasesWhatIsFreeAndAnswersWhatItTook() {
        Instant now = Instant.now();
        String subscription = pausedSubscription("lease-sub", now);
        String first = "msg_" + subscription + "_1";
        String second = "msg_" + subscription + "_2";
        store.enqueue(first, subscription, 1, "r", now);
        store.enqueue(second, subscription, 2, "r", now);
        Instant until = now.plus(Duration.ofSeconds(15));

        assertThat(store.lease(List.of(first), now, until)).containsExactly(first);
        assertThat(store.lease(List.of(first, second, "msg_unknown"), now, until))
                .as("the first is held until its lease ends; an unknown id is not taken")
                .containsExactly(second);
        assertThat(store.lease(List.of(first, second), until.plusSeconds(1), until.plusSeconds(20)))
                .as("after the leases end both can be taken again")
                .containsExactlyInAnyOrder(first, second);
        assertThat(store.lease(List.of(), now, until)).isEmpty();
        store.delete(subscription);
    }

    @Test
    void attemptsRecordedTogetherAreNumberedAfterTheLoggedOnesAndSetEachOutcome() {
        Instant now = Instant.now();
        String subscription = pausedSubscription("log-sub", now);
        String retried = "msg_" + subscription + "_1";
        String delivered = "msg_" + subscription + "_2";
        store.enqueue(retried, subscription, 1, "r1", now);
        store.enqueue(delivered, subscription, 2, "r2", now);
        store.recordAttempts(List.of(attempt(retried, now, 500, WatchStore.Status.PENDING, now.plusSeconds(2))));

        store.recordAttempts(List.of(
                attempt(retried, now.plusSeconds(2), 503, WatchStore.Status.PENDING, now.plusSeconds(6)),
                attempt(delivered, now.plusSeconds(2), 204, WatchStore.Status.DELIVERED, null),
                attempt(retried, now.plusSeconds(6), 500, WatchStore.Status.DEAD, null)));

        assertThat(store.attempts(retried))
                .extracting(WatchStore.Attempt::attempt, WatchStore.Attempt::statusCode)
                .as("numbered after the one already logged, in the order given")
                .containsExactly(tuple(1, 500), tuple(2, 503), tuple(3, 500));
        WatchStore.Notification dead = store.notification(retried).orElseThrow();
        assertThat(dead.status()).isEqualTo(WatchStore.Status.DEAD);
        assertThat(dead.attempts()).isEqualTo(3);
        WatchStore.Notification sent = store.notification(delivered).orElseThrow();
        assertThat(sent.status()).isEqualTo(WatchStore.Status.DELIVERED);
        assertThat(sent.deliveredAt()).isNotNull();
        assertThat(store.attempts(delivered)).hasSize(1);
        store.delete(subscription);
    }

    @Test
    void aBatchThatCannotBeWrittenLeavesNothingOfIt() {
        Instant now = Instant.now();
        String subscription = pausedSubscription("atomic-sub", now);
        String first = "msg_" + subscription + "_1";
        store.enqueue(first, subscription, 1, "r1", now);

        // The second attempt's error is longer than its column: the batch fails, and the first is not half-written.
        String tooLong = "x".repeat(600);
        WatchStore.Attempted broken = new WatchStore.Attempted(
                first, now, "node", 500, tooLong, 3, WatchStore.Status.PENDING, now.plusSeconds(2));
        assertThatThrownBy(() -> store.recordAttempts(
                        List.of(attempt(first, now, 204, WatchStore.Status.DELIVERED, null), broken)))
                .isInstanceOf(RuntimeException.class);

        assertThat(store.attempts(first)).isEmpty();
        assertThat(store.notification(first).orElseThrow().status()).isEqualTo(WatchStore.Status.PENDING);
        store.delete(subscription);
    }

    @Test
    void theAttemptLogWritesWhatSendersQueueAndTellsTheDispatcher() throws Exception {
        Instant now = Instant.now();
        String subscription = pausedSubscription("queue-sub", now);
        AtomicInteger written = new AtomicInteger();
        AttemptLog log = new AttemptLog(store, written::incrementAndGet);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 1_200; i++) {
            String id = "msg_" + subscription + "_" + i;
            store.enqueue(id, subscription, i, "r" + i, now);
            ids.add(id);
        }
        for (String id : ids) {
            log.record(attempt(id, now, 204, WatchStore.Status.DELIVERED, null));
        }
        // Queued before the writer starts, as when senders answer faster than one transaction: written together.
        log.start();
        log.close(Duration.ofSeconds(30));

        assertThat(ids)
                .as("every queued attempt is in the log once the log is closed")
                .allSatisfy(
                        id -> assertThat(store.notification(id).orElseThrow().status())
                                .isEqualTo(WatchStore.Status.DELIVERED));
        assertThat(written)
                .as("1,200 attempts in transactions of %d at most, the dispatcher told after each", AttemptLog.BATCH)
                .hasValue(3);
        assertThatThrownBy(() -> log.record(attempt(ids.get(0), now, 204, WatchStore.Status.DELIVERED, null)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        store.delete(subscription);
    }

    /** A paused subscription: the application's own dispatcher leaves its notifications to the test. */
    private String pausedSubscription(String name, Instant now) {
        String subscription = id(name);
        store.insert(new WatchStore.Subscription(
                subscription,
                "editor",
                new SubscriptionFilter(List.of("r"), null, null, null),
                "http://receiver.invalid/hook",
                "whsec_test",
                true,
                0,
                now));
        return subscription;
    }

    private static WatchStore.Attempted attempt(
            String id, Instant at, int status, WatchStore.Status outcome, Instant retryAt) {
        return new WatchStore.Attempted(
                id, at, "node", status, status / 100 == 2 ? null : "answered " + status, 5, outcome, retryAt);
    }
}
