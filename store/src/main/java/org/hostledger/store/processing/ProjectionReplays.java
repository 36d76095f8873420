package org.hostledger.store.processing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.hostledger.core.rule.RuleViolation;
import org.hostledger.core.rule.UnknownRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;

/**
 * Rebuilds projections from the first event: stops the processor, clears its tables (its {@code @ResetHandler}s),
 * feeds it the whole history (see {@link BulkReplay}), and starts it again from where the replay ended. On several
 * nodes, the processor must be stopped on the others first: a replay needs every segment.
 */
public class ProjectionReplays {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    private final ProjectionProgress progress;
    private final EventStorageEngine storageEngine;
    private final TokenStore tokenStore;
    private final TransactionManager transactionManager;
    private final int batchSize;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "hostledger-replay");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Future<?>> running = new ConcurrentHashMap<>();

    public ProjectionReplays(
            ProjectionProgress progress,
            EventStorageEngine storageEngine,
            TokenStore tokenStore,
            TransactionManager transactionManager,
            @Value("${hostledger.replay-batch-size:1000}") int batchSize) {
        this.progress = progress;
        this.storageEngine = storageEngine;
        this.tokenStore = tokenStore;
        this.transactionManager = transactionManager;
        this.batchSize = batchSize;
    }

    /** Starts rebuilding {@code name} in the background; answers once its tables are cleared and its tokens reset. */
    public Future<?> replay(String name) {
        StreamingEventProcessor processor = progress.streamingProcessors().get(name);
        if (processor == null) {
            throw new UnknownRecord("projection", name);
        }
        synchronized (running) {
            Future<?> current = running.get(name);
            if (current != null && !current.isDone()) {
                throw new RuleViolation("the projection " + name + " is already being replayed");
            }
            BulkReplay replay =
                    new BulkReplay(name, processor, storageEngine, tokenStore, transactionManager, batchSize);
            log.info("replaying projection {}", name);
            int[] segments = replay.prepare();
            Future<?> future = executor.submit(() -> {
                try {
                    replay.run(segments);
                } catch (RuntimeException e) {
                    log.error("replay of projection {} failed; it restarts from where it stopped", name, e);
                    processor.start();
                    throw e;
                }
            });
            running.put(name, future);
            return future;
        }
    }
}
