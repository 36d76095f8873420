package org.hostledger.store.merkle;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.core.merkle.CompactRange;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.MerkleProofs;
import org.hostledger.core.merkle.NodeId;

/**
 * Grows the Merkle tree inside the append's transaction, under the chain-head lock that already orders appends on
 * every node: it reads the tree's right edge (one stored subtree per set bit of the size, one query), appends the new
 * leaves, and inserts every complete subtree they finish into {@code ledger_merkle_node}. No other part of the tree is
 * read, so an append costs O(log n) whatever the size.
 *
 * <p>A subtree's row key is {@code index * 64 + level}: one indexed column, so that a proof's few hundred subtrees are
 * one {@code IN} lookup on H2 and PostgreSQL alike.
 */
public class MerkleTreeWriter {

    private static final int CATCH_UP_BATCH = 1000;
    private static final String INSERT = "INSERT INTO ledger_merkle_node (node_key, hash) VALUES (?,?)";

    /**
     * @param connection the append's connection, holding the chain-head lock
     * @param sizeBefore the tree size before these leaves: the position of the last stored event
     * @param leafHashes the new events' leaf hashes, in position order
     * @return the root after these leaves
     */
    public byte[] append(Connection connection, long sizeBefore, List<byte[]> leafHashes) throws SQLException {
        CompactRange range = CompactRange.of(sizeBefore, edge(connection, sizeBefore));
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (byte[] leaf : leafHashes) {
                for (CompactRange.Node node : range.append(leaf)) {
                    insert.setLong(1, key(node.id()));
                    insert.setBytes(2, node.hash());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        return range.root();
    }

    /**
     * Adds the leaves of stored events the tree does not hold yet, positions {@code treeSize + 1} to {@code
     * headIndex}: a store that had events before the tree existed, or appends made with the tree switched off.
     */
    public void catchUp(Connection connection, long treeSize, long headIndex) throws SQLException {
        long size = treeSize;
        while (size < headIndex) {
            List<byte[]> leaves = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT " + EventLeaves.COLUMNS
                    + " FROM domain_event_entry WHERE global_index > ? AND global_index <= ? ORDER BY global_index")) {
                select.setLong(1, size);
                select.setLong(2, Math.min(headIndex, size + CATCH_UP_BATCH));
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        EventLeaf leaf = EventLeaves.of(rs);
                        if (leaf.position() != size + leaves.size() + 1) {
                            throw new IllegalStateException("the event store lacks position "
                                    + (size + leaves.size() + 1) + ": the Merkle tree cannot be built past it");
                        }
                        leaves.add(leaf.hash());
                    }
                }
            }
            if (leaves.isEmpty()) {
                throw new IllegalStateException("the event store lacks position " + (size + 1));
            }
            append(connection, size, leaves);
            size += leaves.size();
        }
    }

    static Map<NodeId, byte[]> edge(Connection connection, long size) throws SQLException {
        return read(connection, MerkleProofs.compactRange(size));
    }

    static long key(NodeId node) {
        return (node.index() << 6) | node.level();
    }

    /** Reads some stored subtrees in one query. */
    static Map<NodeId, byte[]> read(Connection connection, java.util.Collection<NodeId> nodes) throws SQLException {
        Map<NodeId, byte[]> hashes = new HashMap<>();
        if (nodes.isEmpty()) {
            return hashes;
        }
        String sql = "SELECT node_key, hash FROM ledger_merkle_node WHERE node_key IN ("
                + String.join(",", java.util.Collections.nCopies(nodes.size(), "?")) + ")";
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            int p = 1;
            for (NodeId node : nodes) {
                select.setLong(p++, key(node));
            }
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    long key = rs.getLong(1);
                    hashes.put(new NodeId((int) (key & 63), key >>> 6), rs.getBytes(2));
                }
            }
        }
        return hashes;
    }
}
