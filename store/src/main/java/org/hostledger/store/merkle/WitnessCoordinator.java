package org.hostledger.store.merkle;

import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import org.hostledger.core.note.NoteVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each new checkpoint to the configured witnesses and attaches their cosignatures; reads each witness's
 * latest checkpoint for this log first: a local tree smaller than a witnessed one is a rollback, kept here for {@code
 * /api/audit/verify} and the health check, and logged.
 */
public class WitnessCoordinator {

    private static final Logger log = LoggerFactory.getLogger(WitnessCoordinator.class);

    private final List<WitnessClient> witnesses;
    private final CheckpointLog checkpoints;
    private final MerkleTreeReader tree;
    private final NoteVerifier logKey;
    private volatile long rolledBack;

    public WitnessCoordinator(
            List<WitnessClient> witnesses, CheckpointLog checkpoints, MerkleTreeReader tree, NoteVerifier logKey) {
        this.witnesses = List.copyOf(witnesses);
        this.checkpoints = checkpoints;
        this.tree = tree;
        this.logKey = logKey;
    }

    /** How many events the local tree lacks compared with the largest checkpoint a witness holds. */
    public long rolledBack() {
        return rolledBack;
    }

    /** One round: check every witness's latest, then bring it up to the latest local checkpoint. */
    public void round() {
        long worst = 0;
        for (WitnessClient witness : witnesses) {
            try {
                worst = Math.max(worst, sync(witness));
            } catch (Exception e) {
                log.warn("Witness {}: {}", witness.name(), e.toString());
            }
        }
        if (worst > 0 && worst != rolledBack) {
            log.error("ROLLBACK: the ledger holds {} events fewer than its witnesses have cosigned", worst);
        }
        rolledBack = worst;
    }

    private long sync(WitnessClient witness) throws Exception {
        long size = tree.size();
        Optional<WitnessClient.Witnessed> latest = witness.latest(logKey);
        long held = latest.map(w -> w.checkpoint().size()).orElse(0L);
        if (held > size) {
            return held - size;
        }
        Optional<CheckpointLog.Stored> mine = checkpoints.latest();
        if (mine.isEmpty() || mine.get().size() < held) {
            return 0;
        }
        CheckpointLog.Stored checkpoint = mine.get();
        if (latest.isPresent() && held == checkpoint.size()) {
            if (MessageDigest.isEqual(latest.get().checkpoint().rootHash(), checkpoint.root())) {
                checkpoints.attach(checkpoint.size(), witnessSignatures(latest.get(), witness));
            } else {
                log.error("Witness {} holds another root for size {}", witness.name(), held);
            }
            return 0;
        }
        WitnessClient.Answer answer =
                witness.addCheckpoint(held, tree.consistency(held, checkpoint.size()), checkpoint.note());
        if (answer instanceof WitnessClient.Conflict conflict) {
            if (conflict.heldSize() > size) {
                return conflict.heldSize() - size;
            }
            answer = witness.addCheckpoint(
                    conflict.heldSize(), tree.consistency(conflict.heldSize(), checkpoint.size()), checkpoint.note());
        }
        if (answer instanceof WitnessClient.Cosigned cosigned) {
            checkpoints.attach(checkpoint.size(), cosigned.cosignatures());
        } else {
            log.warn("Witness {} did not cosign checkpoint {}: {}", witness.name(), checkpoint.size(), answer);
        }
        return 0;
    }

    private static List<org.hostledger.core.note.SignedNote.Signature> witnessSignatures(
            WitnessClient.Witnessed witnessed, WitnessClient witness) {
        return witnessed.note().signatures().stream()
                .filter(s -> s.name().equals(witness.name()))
                .toList();
    }
}
