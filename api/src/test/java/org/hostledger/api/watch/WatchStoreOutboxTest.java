package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.PostgresTestSchema;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The outbox's two hot statements, on the embedded store: the dispatcher's due query reads the pending notifications in
 * index order and stops at its limit (ordered by position alone, H2 read and sorted the whole backlog at each poll),
 * and one batch leases several notifications, answering which this node took.
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
        String subscription = id("lease-sub");
        store.insert(new WatchStore.Subscription(
                subscription,
                "editor",
                new SubscriptionFilter(List.of("r"), null, null, null),
                "http://receiver.invalid/hook",
                "whsec_test",
                true, // paused: the application's own dispatcher leaves these notifications to this test
                0,
                now));
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
}
