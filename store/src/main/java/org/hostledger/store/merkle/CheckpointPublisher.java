package org.hostledger.store.merkle;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hostledger.store.maintenance.BackgroundTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * At start-up, builds the tree for events it lacks ({@link MerkleBackfill}; before each round too when it lags more
 * than an append catches up); then signs a checkpoint every {@code
 * hostledger.ledger.checkpoint-interval} when the tree has grown. A tree that no longer extends the last checkpoint is
 * reported in the log at every round and never signed.
 */
public class CheckpointPublisher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(CheckpointPublisher.class);

    private final CheckpointLog checkpoints;
    private final WitnessCoordinator witnesses;
    private final DataSource dataSource;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    private volatile String lastProblem;

    public CheckpointPublisher(
            CheckpointLog checkpoints, WitnessCoordinator witnesses, DataSource dataSource, Duration interval) {
        this.checkpoints = checkpoints;
        this.witnesses = witnesses;
        this.dataSource = dataSource;
        this.interval = interval;
    }

    /** Adds to the tree the events it lacks, in chunks of one transaction each ({@link MerkleBackfill}). */
    public void catchUp() {
        new MerkleBackfill(dataSource, MerkleTreeWriter.CATCH_UP_CHUNK).run();
    }

    /** One round: sign the current head if it grew, then bring the witnesses up to date and read theirs. */
    public void publish() {
        try {
            // Only a tree further behind than an append catches up (the benchmark's tree switched off lags less).
            new MerkleBackfill(dataSource, MerkleTreeWriter.CATCH_UP_CHUNK)
                    .runIfBehindBy(MerkleTreeWriter.CATCH_UP_CHUNK + 1L);
            checkpoints.signLatest();
            lastProblem = null;
        } catch (CheckpointLog.InconsistentTreeException e) {
            if (!e.getMessage().equals(lastProblem)) {
                log.error("NOT signing a checkpoint: {}", e.getMessage());
            }
            lastProblem = e.getMessage();
        } catch (RuntimeException e) {
            log.warn("Signing a checkpoint failed; retrying next round", e);
        }
        witnesses.round();
    }

    /** Events missing compared with what the witnesses cosigned, as of the last round. */
    public long witnessedRollback() {
        return witnesses.rolledBack();
    }

    /** Why the last round refused to sign, or null. */
    public String problem() {
        return lastProblem;
    }

    @Override
    public synchronized void start() {
        try {
            checkpoints.checkSignedByThisKey();
        } catch (CheckpointLog.ForeignKeyException e) {
            log.error("Refusing to start: {}", e.getMessage());
            throw e;
        }
        catchUp();
        publish();
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "checkpoint-publisher");
            thread.setDaemon(true);
            return thread;
        });
        long millis = Math.max(interval.toMillis(), 10);
        scheduler.scheduleWithFixedDelay(this::publish, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            // A publication under way ends first: an interrupt in H2's file I/O would close the database.
            BackgroundTasks.stop(scheduler, "the checkpoint publisher");
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
