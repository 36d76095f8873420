package org.hostledger.api.verifiable;

import org.hostledger.store.merkle.CheckpointLog;
import org.hostledger.store.merkle.CheckpointPublisher;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * DOWN when the store holds fewer events than a checkpoint the ledger signed or a witness cosigned (a rolled-back
 * tail), or when the last
 * signing round refused to sign because the tree no longer extends the last checkpoint.
 */
@Component("verifiableLog")
public class VerifiableLogHealth implements HealthIndicator {

    private final CheckpointLog checkpoints;
    private final CheckpointPublisher publisher;

    public VerifiableLogHealth(CheckpointLog checkpoints, CheckpointPublisher publisher) {
        this.checkpoints = checkpoints;
        this.publisher = publisher;
    }

    @Override
    public Health health() {
        long rolledBack;
        try {
            rolledBack = Math.max(checkpoints.rolledBack(), publisher.witnessedRollback());
        } catch (RuntimeException unreachable) {
            // The store cannot be read (a database outage): DOWN like the database's own indicator, not an error.
            return Health.down().withDetail("store", "unreadable").build();
        }
        String problem = publisher.problem();
        Health.Builder health = rolledBack > 0 || problem != null ? Health.down() : Health.up();
        health.withDetail("rolledBack", rolledBack);
        if (problem != null) {
            health.withDetail("problem", problem);
        }
        return health.build();
    }
}
