package org.hostledger.store.merkle;

import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.hostledger.core.merkle.CompactRange;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.MerkleProofs;
import org.hostledger.core.merkle.NodeId;

/**
 * Grows the Merkle tree inside the append's transaction, under the chain-head lock that already orders appends on
 * every node: it appends the new leaves to the tree's right edge (its compact range: one subtree per set bit of the
 * size) and inserts every complete subtree they finish into {@code ledger_merkle_node}, in one JDBC batch. No other
 * part of the tree is read, so an append costs O(log n) whatever the size.
 *
 * <p>The right edge the last append of this writer left is kept in memory with the chain head it belongs to (the tree
 * size and the chain hash of the event at that position). The next append uses it only when the chain-head row it
 * read under the lock names that same head — the chain hash covers every event up to there, so the stored tree is the
 * one the kept edge describes. Otherwise (another node appended since, this writer's transaction was rolled back, the
 * tail was rolled back by hand, or the tree was behind) it reads the edge from the stored subtrees: one query.
 *
 * <p>A subtree's row key is {@code end * 64 + level}, where {@code end = (index + 1) * 2^level} is the position of its
 * last leaf: one indexed column, so that a proof's few hundred subtrees are one {@code IN} lookup on H2 and PostgreSQL
 * alike, and every subtree an append completes ends at that append's last position, so that its rows all go to the
 * right end of the primary key (one page written per commit, not one per level).
 */
public class MerkleTreeWriter {

    /**
     * The most events an append adds to a tree that lags behind the store (appends made while the tree was switched
     * off) before its own; a tree further behind is left to the chunked backfill ({@link MerkleBackfill}), which
     * brings it up to the head in transactions of this many events, so that no append holds the lock for long.
     */
    public static final int CATCH_UP_CHUNK = 10_000;

    private static final int BATCH = 1000;
    private static final String INSERT = "INSERT INTO ledger_merkle_node (node_key, hash) VALUES (?,?)";

    /** A right edge and the chain head (position and chain hash) of the stored tree it belongs to. */
    private record Edge(long size, byte[] chainHash, CompactRange range) {}

    /** Written and read only under the chain-head lock; volatile for the next locking thread to see it. */
    private volatile Edge last;

    private final AtomicLong edgeReads = new AtomicLong();
    private final int catchUpLimit;

    public MerkleTreeWriter() {
        this(CATCH_UP_CHUNK);
    }

    /** @param catchUpLimit the most lagging events an append catches up; further behind, it leaves them (tests) */
    public MerkleTreeWriter(int catchUpLimit) {
        this.catchUpLimit = catchUpLimit;
    }

    /**
     * Adds the leaves of an append to the tree, first catching up the stored events the tree lacks (at most {@link
     * #CATCH_UP_CHUNK}; further behind, the tree is left to {@link MerkleBackfill} and this append adds nothing).
     *
     * @param connection the append's connection, holding the chain-head lock
     * @param treeSize the tree size stored in the chain-head row, read under the lock
     * @param headIndex the chain head's position before these leaves, read under the lock
     * @param headHash the chain head's hash before these leaves, read under the lock
     * @param leafHashes the new events' leaf hashes, positions {@code headIndex + 1} on
     * @param newHeadHash the chain hash of the last new event
     * @return the tree size after this call: {@code headIndex + leafHashes.size()}, or {@code treeSize} unchanged
     *     when the tree lags too far behind the store for one append to catch it up
     */
    public long append(
            Connection connection,
            long treeSize,
            long headIndex,
            byte[] headHash,
            List<byte[]> leafHashes,
            byte[] newHeadHash)
            throws SQLException {
        if (headIndex - treeSize > catchUpLimit) {
            last = null;
            return treeSize;
        }
        Edge kept = last;
        CompactRange range;
        if (kept != null
                && treeSize == headIndex
                && kept.size() == headIndex
                && MessageDigest.isEqual(kept.chainHash(), headHash)) {
            range = kept.range().copy();
        } else {
            last = null;
            // A tree size above the head (a head rewound by hand, not the tree) is not trusted: grow from the head.
            range = stored(connection, Math.min(treeSize, headIndex));
        }
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            if (range.size() < headIndex) {
                addStoredEvents(connection, insert, range, headIndex);
            }
            for (byte[] leaf : leafHashes) {
                add(insert, range, leaf);
            }
            insert.executeBatch();
        }
        // Kept even though the transaction may still roll back: the chain-head row then still names the old head,
        // which this edge does not match, and the next append reads the stored edge.
        last = new Edge(range.size(), newHeadHash.clone(), range);
        return range.size();
    }

    /**
     * Adds the leaves of stored events the tree does not hold yet, positions {@code treeSize + 1} to {@code
     * headIndex}: a store that had events before the tree existed, or appends made with the tree switched off.
     */
    public void catchUp(Connection connection, long treeSize, long headIndex) throws SQLException {
        CompactRange range = stored(connection, treeSize);
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            addStoredEvents(connection, insert, range, headIndex);
            insert.executeBatch();
        }
    }

    /** How many times this writer read the right edge from the stored subtrees rather than from memory. */
    public long edgeReads() {
        return edgeReads.get();
    }

    private CompactRange stored(Connection connection, long size) throws SQLException {
        edgeReads.incrementAndGet();
        return CompactRange.of(size, read(connection, MerkleProofs.compactRange(size)));
    }

    private static void addStoredEvents(
            Connection connection, PreparedStatement insert, CompactRange range, long headIndex) throws SQLException {
        while (range.size() < headIndex) {
            long from = range.size();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + EventLeaves.COLUMNS
                    + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index")) {
                select.setLong(1, from);
                select.setLong(2, Math.min(headIndex, from + BATCH));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        EventLeaf leaf = EventLeaves.of(rs);
                        if (leaf.position() != range.size() + 1) {
                            break;
                        }
                        add(insert, range, leaf.hash());
                    }
                }
            }
            if (range.size() == from || range.size() < Math.min(headIndex, from + BATCH)) {
                throw new IllegalStateException("the event store lacks position " + (range.size() + 1)
                        + ": the Merkle tree cannot be built past it");
            }
            insert.executeBatch();
        }
    }

    private static void add(PreparedStatement insert, CompactRange range, byte[] leaf) throws SQLException {
        for (CompactRange.Node node : range.append(leaf)) {
            insert.setLong(1, key(node.id()));
            insert.setBytes(2, node.hash());
            insert.addBatch();
        }
    }

    static long key(NodeId node) {
        return (node.end() << 6) | node.level();
    }

    static NodeId node(long key) {
        int level = (int) (key & 63);
        return new NodeId(level, ((key >>> 6) >>> level) - 1);
    }

    /** The smallest row key of a subtree that ends after a tree size: every row from it on lies beyond that size. */
    public static long firstKeyAfter(long size) {
        return (size + 1) << 6;
    }

    /** Reads some stored subtrees in one query. */
    static Map<NodeId, byte[]> read(Connection connection, Collection<NodeId> nodes) throws SQLException {
        Map<NodeId, byte[]> hashes = new HashMap<>();
        if (nodes.isEmpty()) {
            return hashes;
        }
        String sql = "SELECT node_key, hash FROM ledger_merkle_node WHERE node_key IN ("
                + String.join(",", Collections.nCopies(nodes.size(), "?")) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            for (NodeId node : nodes) {
                select.setLong(p++, key(node));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    hashes.put(node(rs.getLong(1)), rs.getBytes(2));
                }
            }
        }
        return hashes;
    }
}
