package org.hostledger.store.processing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.hostledger.core.rule.RuleViolation;
import org.hostledger.core.rule.UnknownRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.context.event.EventListener;

/**
 * Rebuilds projections from the first event: stops the processor, clears its tables (its {@code @ResetHandler}s),
 * feeds it the whole history (see {@link BulkReplay}), and starts it again from where the replay ended. Several
 * projections replayed together share one read of the store. On several
 * nodes, the processor must be stopped on the others first: a replay needs every segment.
 */
public class ProjectionReplays {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    private final ProjectionProgress progress;
    private final ObjectProvider<AfterBulkReplay> afterReplay;
    private final EventStorageEngine storageEngine;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final int batchSize;
    private final Duration claimTimeout;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostledger-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();

    public ProjectionReplays(
            ProjectionProgress progress,
            ObjectProvider<AfterBulkReplay> afterReplay,
            EventStorageEngine storageEngine,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            @Value("${hostledger.replay-batch-size:1000}") int batchSize,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") String claimTimeout) {
        this.progress = progress;
        this.afterReplay = afterReplay;
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.batchSize = batchSize;
        this.claimTimeout = DurationStyle.detectAndParse(claimTimeout);
    }

    /** Starts rebuilding {@code name} in the background; answers once its tables are cleared and its tokens reset. */
    public Future<?> replay(String name) {
        return replay(List.of(name));
    }

    /**
     * Starts rebuilding the projections {@code names} in the background, from one read of the event store (see
     * {@link BulkReplay}); answers once their tables are cleared and their tokens reset. The future completes when
     * every one has caught up, and fails when any failed.
     */
    public Future<?> replay(List<String> names) {
        List<BulkReplay.Target> targets = new ArrayList<>();
        Map<String, StreamingEventProcessor> processors = progress.streamingProcessors();
        for (String name : new LinkedHashSet<>(names)) {
            StreamingEventProcessor processor = processors.get(name);
            if (processor == null) {
                throw new UnknownRecord("projection", name);
            }
            targets.add(new BulkReplay.Target(name, processor));
        }
        synchronized (running) {
            for (BulkReplay.Target target : targets) {
                Future<?> current = running.get(target.name());
                if (current != null && !current.isDone()) {
                    throw new RuleViolation("the projection " + target.name() + " is already being replayed");
                }
            }
            BulkReplay replay = new BulkReplay(
                    targets,
                    storageEngine,
                    tokenStore,
                    transactionManager,
                    executor,
                    progress,
                    afterReplay.orderedStream().toList(),
                    batchSize);
            log.info(
                    "replaying projections {}",
                    targets.stream().map(BulkReplay.Target::name).toList());
            Map<String, int[]> segments = replay.prepare();
            Future<?> future = executor.submit(() -> replay.run(segments));
            for (BulkReplay.Target target : targets) {
                running.put(target.name(), future);
            }
            return future;
        }
    }

    /**
     * Starts again, from the first event, the rebuild of every projection that a stopped or killed node left
     * replaying: its tables may hold a part of the history only, or (killed between its replay tokens and the
     * clearing of its tables) the previous build. A projection whose segments another running node holds is left to
     * that node.
     *
     * <p>A node killed during a rebuild keeps its claims on the segments until they time out ({@code
     * axon.eventhandling.tokenstore.claim-timeout}); restarted sooner, the node finds them held as if by another
     * node. So a refused start is tried again every second, in the background, until twice the claim time-out has
     * passed; meanwhile the views stay refused as being rebuilt. Found in a rehearsal of {@code CrashRecoveryIT}: a
     * restart 9.7 s after the kill gave up at once, and the views stayed half-built.
     */
    @EventListener(ApplicationReadyEvent.class)
    public void resumeInterrupted() {
        resumeInterrupted(System.nanoTime() + claimTimeout.multipliedBy(2).toNanos());
    }

    private void resumeInterrupted(long deadline) {
        List<String> interrupted = new ArrayList<>();
        for (ProjectionProgress.Status status : progress.statuses()) {
            Future<?> current = running.get(status.name());
            if (status.replaying() && (current == null || current.isDone())) {
                interrupted.add(status.name());
            }
        }
        if (interrupted.isEmpty()) {
            return;
        }
        log.warn("projections {} were left replaying; rebuilding them again", interrupted);
        try {
            replay(interrupted);
        } catch (RuleViolation e) {
            if (System.nanoTime() - deadline < 0) {
                log.info("cannot rebuild {} again yet: {}; trying again in a second", interrupted, e.getMessage());
                CompletableFuture.runAsync(
                                () -> resumeInterrupted(deadline),
                                CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS, executor))
                        .whenComplete((done, failure) -> {
                            if (failure != null) {
                                log.error("rebuilding {} again failed", interrupted, failure);
                            }
                        });
            } else {
                log.warn("cannot rebuild {} again here: {}", interrupted, e.getMessage());
            }
        }
    }
}
