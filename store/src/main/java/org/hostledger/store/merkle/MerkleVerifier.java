package org.hostledger.store.merkle;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.hostledger.core.merkle.CompactRange;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.NodeId;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the Merkle tree from the stored events alone: every event's leaf against the stored leaf, and the root at
 * the latest signed checkpoint's size against that checkpoint's root. An edited event shows as a mismatched leaf at
 * its position; a deleted tail as a tree smaller than a signed checkpoint.
 */
public class MerkleVerifier {

    private static final int BATCH = 1000;

    private final DataSource dataSource;
    private final CheckpointLog checkpoints;

    /**
     * @param events events read
     * @param root the recomputed root over all of them (base64)
     * @param checkpointSize the size of the latest signed checkpoint, null when none was signed
     * @param checkpointMatches whether the recomputed root at that size is the checkpoint's (false when the store has
     *     fewer events than the checkpoint)
     * @param firstMismatchedPosition the first position whose recomputed leaf differs from the stored tree, or null
     * @param rolledBack how many events the store lacks compared with the latest signed checkpoint
     */
    public record Result(
            long events,
            String root,
            Long checkpointSize,
            boolean checkpointMatches,
            Long firstMismatchedPosition,
            long rolledBack) {

        public boolean intact() {
            return firstMismatchedPosition == null && rolledBack == 0 && (checkpointSize == null || checkpointMatches);
        }
    }

    public MerkleVerifier(DataSource dataSource, CheckpointLog checkpoints) {
        this.dataSource = dataSource;
        this.checkpoints = checkpoints;
    }

    public Result verify() {
        TransactionTemplate readOnly = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        readOnly.setReadOnly(true);
        return readOnly.execute(status -> scan());
    }

    private Result scan() {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.setFetchSize(BATCH);
        Optional<CheckpointLog.Stored> checkpoint = checkpoints.latest();
        long checkpointSize = checkpoint.map(CheckpointLog.Stored::size).orElse(-1L);
        CompactRange range = CompactRange.empty();
        byte[][] rootAtCheckpoint = {checkpointSize == 0 ? range.root() : null};
        Long[] mismatch = {null};
        List<EventLeaf> pending = new ArrayList<>();
        jdbc.query("SELECT " + EventLeaves.COLUMNS + " FROM domain_event_entry ORDER BY global_index", rs -> {
            EventLeaf leaf = EventLeaves.of(rs);
            if (leaf.position() != range.size() + 1 && mismatch[0] == null) {
                compare(jdbc, pending, mismatch);
                mismatch[0] = mismatch[0] == null ? range.size() + 1 : mismatch[0];
            }
            range.append(leaf.hash());
            if (range.size() == checkpointSize) {
                rootAtCheckpoint[0] = range.root();
            }
            pending.add(leaf);
            if (pending.size() == BATCH) {
                compare(jdbc, pending, mismatch);
                pending.clear();
            }
        });
        compare(jdbc, pending, mismatch);
        boolean matches = checkpoint.isPresent()
                && rootAtCheckpoint[0] != null
                && MessageDigest.isEqual(rootAtCheckpoint[0], checkpoint.get().root());
        return new Result(
                range.size(),
                Base64.getEncoder().encodeToString(range.root()),
                checkpoint.map(CheckpointLog.Stored::size).orElse(null),
                matches,
                mismatch[0],
                Math.max(0, checkpointSize - range.size()));
    }

    /** Compares recomputed leaves with the stored ones; a gap in positions counts as a mismatch there. */
    private static void compare(JdbcTemplate jdbc, List<EventLeaf> leaves, Long[] mismatch) {
        if (leaves.isEmpty() || mismatch[0] != null) {
            return;
        }
        List<NodeId> ids = leaves.stream()
                .map(l -> new NodeId(0, EventLeaf.indexOf(l.position())))
                .toList();
        Map<NodeId, byte[]> stored =
                jdbc.execute((ConnectionCallback<Map<NodeId, byte[]>>) c -> MerkleTreeWriter.read(c, ids));
        for (int i = 0; i < leaves.size(); i++) {
            byte[] hash = stored.get(ids.get(i));
            if (hash == null || !MessageDigest.isEqual(hash, leaves.get(i).hash())) {
                mismatch[0] = leaves.get(i).position();
                return;
            }
        }
    }
}
