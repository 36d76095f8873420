package org.hostledger.api.application;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Group commit of concurrent writers: each caller queues its request and waits; whichever caller finds no group
 * running becomes the leader, takes every request queued so far (up to {@code maxGroup}) and runs them as one group on
 * its own thread, then hands the lead to the oldest request still queued. A caller returns once its own request is
 * answered, never before. Alone, a caller leads a group of one at once: nothing waits for company.
 *
 * @param <R> a request, answered by {@link Request#succeed} or {@link Request#fail}
 */
final class CommandGroups<R extends CommandGroups.Request> {

    /** A queued request: answered once, with a result or a failure, by the leader of its group. */
    static class Request {
        private final Thread caller = Thread.currentThread();
        private volatile boolean answered;
        private Object result;
        private Throwable failure;

        void succeed(Object value) {
            result = value;
            answer();
        }

        void fail(Throwable cause) {
            failure = cause;
            answer();
        }

        private void answer() {
            answered = true;
            wake();
        }

        /** Wakes the caller, to answer or to lead. */
        final void wake() {
            LockSupport.unpark(caller);
        }

        final boolean answered() {
            return answered;
        }

        /** What the request answered; its failure is thrown as it was (an unchecked exception or an error). */
        Object result() {
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            if (failure != null) {
                throw new IllegalStateException(failure);
            }
            return result;
        }
    }

    /** How long a queued caller sleeps before it looks again on its own, should a wake-up go astray. */
    private static final long RECHECK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);

    private final int maxGroup;
    private final Consumer<List<R>> runGroup;
    private final ConcurrentLinkedQueue<R> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lead = new ReentrantLock();

    /**
     * @param runGroup runs a group, in the order given, and answers every request of it (one it leaves unanswered
     *     fails with what it threw)
     */
    CommandGroups(int maxGroup, Consumer<List<R>> runGroup) {
        if (maxGroup < 1) {
            throw new IllegalArgumentException("a group holds at least one request, not " + maxGroup);
        }
        this.maxGroup = maxGroup;
        this.runGroup = runGroup;
    }

    /**
     * Queues {@code request} and returns once it is answered (by this thread or another). An interrupt does not cut
     * the wait short (the request may be committed by then): it is kept for the caller to see afterwards.
     */
    void submit(R request) {
        queue.add(request);
        boolean interrupted = false;
        while (!request.answered()) {
            if (lead.tryLock()) {
                try {
                    List<R> group = new ArrayList<>();
                    R next;
                    while (group.size() < maxGroup && (next = queue.poll()) != null) {
                        group.add(next);
                    }
                    if (!group.isEmpty()) {
                        run(group);
                    }
                } finally {
                    lead.unlock();
                }
                R oldest = queue.peek();
                if (oldest != null) {
                    oldest.wake();
                }
            } else {
                LockSupport.parkNanos(this, RECHECK_NANOS);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** The requests queued and not yet taken by a group (for tests). */
    int queued() {
        return queue.size();
    }

    private void run(List<R> group) {
        try {
            runGroup.accept(group);
        } catch (RuntimeException | Error e) {
            failUnanswered(group, e);
        }
        failUnanswered(group, new IllegalStateException("the group left this command unanswered"));
    }

    /** A group that could not answer some of its requests leaves none of them waiting for ever. */
    private static void failUnanswered(List<? extends Request> group, Throwable cause) {
        for (Request request : group) {
            if (!request.answered()) {
                request.fail(cause);
            }
        }
    }
}
