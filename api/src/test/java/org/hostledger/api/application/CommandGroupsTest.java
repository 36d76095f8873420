package org.hostledger.api.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Group commit's queue: who leads, what a group holds, and that every caller hears its own answer. */
class CommandGroupsTest {

    private static final class Numbered extends CommandGroups.Request {
        final int n;

        Numbered(int n) {
            this.n = n;
        }
    }

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stop() throws InterruptedException {
        callers.shutdownNow();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    }

    /** A caller alone leads a group of one; callers queued meanwhile form the next group, each answered its own. */
    @Test
    void callersThatArriveWhileAGroupRunsFormTheNextGroup() throws Exception {
        assertThat(groupsOfCallersWhileTheFirstRuns(64, 5)).containsExactly(List.of(0), List.of(1, 2, 3, 4, 5));
    }

    @Test
    void aGroupHoldsAtMostItsBound() throws Exception {
        assertThat(groupsOfCallersWhileTheFirstRuns(2, 5))
                .containsExactly(List.of(0), List.of(1, 2), List.of(3, 4), List.of(5));
    }

    /**
     * Caller 0 sends alone; while its group runs, callers 1 to {@code more} send one after the other, each once the
     * previous one is queued. Checks that each caller hears its own answer, only once its group ran; answers the
     * groups.
     */
    private List<List<Integer>> groupsOfCallersWhileTheFirstRuns(int maxGroup, int more) throws Exception {
        CountDownLatch firstRunning = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<List<Integer>> groups = Collections.synchronizedList(new ArrayList<>());
        CommandGroups<Numbered> queue = new CommandGroups<>(maxGroup, group -> {
            groups.add(group.stream().map(r -> r.n).toList());
            if (group.get(0).n == 0) {
                firstRunning.countDown();
                hold(release);
            }
            group.forEach(r -> r.succeed(r.n * 10));
        });
        List<Future<Object>> answers = new ArrayList<>();
        answers.add(callers.submit(() -> send(queue, 0)));
        assertThat(firstRunning.await(10, TimeUnit.SECONDS)).isTrue();
        for (int n = 1; n <= more; n++) {
            int number = n;
            answers.add(callers.submit(() -> send(queue, number)));
            await().atMost(Duration.ofSeconds(10)).until(() -> queue.queued() == number);
        }
        assertThat(answers).noneMatch(Future::isDone);
        release.countDown();
        for (int n = 0; n <= more; n++) {
            assertThat(answers.get(n).get(10, TimeUnit.SECONDS)).isEqualTo(n * 10);
        }
        return groups;
    }

    /** A group that fails without answering its requests fails each of them with its failure; nobody waits on. */
    @Test
    void aGroupThatThrowsFailsEveryRequestItLeftUnanswered() throws Exception {
        CommandGroups<Numbered> queue = new CommandGroups<>(64, group -> {
            throw new IllegalStateException("the database is gone");
        });
        Future<Object> answer = callers.submit(() -> send(queue, 1));
        assertThatThrownBy(() -> answer.get(10, TimeUnit.SECONDS))
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("the database is gone");
    }

    @Test
    void aGroupIsAtLeastOneRequest() {
        assertThatThrownBy(() -> new CommandGroups<Numbered>(0, group -> {}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Object send(CommandGroups<Numbered> queue, int n) {
        Numbered request = new Numbered(n);
        queue.submit(request);
        return request.result();
    }

    private static void hold(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
