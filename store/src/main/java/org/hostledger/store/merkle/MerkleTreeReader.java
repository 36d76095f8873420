package org.hostledger.store.merkle;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import javax.sql.DataSource;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.MerkleProofs;
import org.hostledger.core.merkle.NodeId;
import org.hostledger.core.merkle.NodeSource;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Roots and proofs from the stored subtrees: each answer first lists the subtrees it needs ({@link
 * MerkleProofs#nodesFor}), fetches them in one query, then computes. The tree's size is the chain head's position,
 * updated in the same transaction as the tree.
 */
public class MerkleTreeReader {

    private final JdbcTemplate jdbc;

    public MerkleTreeReader(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    /** The number of leaves, kept beside the chain head and updated in the same transaction. */
    public long size() {
        Long size = jdbc.queryForObject("SELECT tree_size FROM ledger_chain_head WHERE id = 1", Long.class);
        return size == null ? 0 : size;
    }

    public byte[] root(long size) {
        checkSize(size);
        return compute(source -> MerkleProofs.root(size, source));
    }

    public List<byte[]> inclusion(long index, long size) {
        checkSize(size);
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
        }
        return compute(source -> MerkleProofs.inclusion(index, size, source));
    }

    public List<byte[]> consistency(long from, long to) {
        checkSize(to);
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        return compute(source -> MerkleProofs.consistency(from, to, source));
    }

    /** A stored event's leaf with the payload and metadata bytes it hashes. */
    public record StoredLeaf(EventLeaf leaf, byte[] payload, byte[] metadata) {}

    /** The event at a global position as its leaf sees it, empty when the store has none there. */
    public Optional<StoredLeaf> event(long position) {
        return jdbc
                .query(
                        "SELECT " + EventLeaves.COLUMNS + " FROM domain_event_entry WHERE global_index = ?",
                        (rs, n) -> new StoredLeaf(EventLeaves.of(rs), rs.getBytes("payload"), rs.getBytes("meta_data")),
                        position)
                .stream()
                .findFirst();
    }

    /** Streams the events from position 1 to {@code to} in order, as their leaves see them. */
    public void events(long to, java.util.function.Consumer<StoredLeaf> each) {
        JdbcTemplate cursor = new JdbcTemplate(jdbc.getDataSource());
        cursor.setFetchSize(1000);
        cursor.query(
                "SELECT " + EventLeaves.COLUMNS
                        + " FROM domain_event_entry WHERE global_index <= ? ORDER BY global_index",
                rs -> {
                    each.accept(new StoredLeaf(EventLeaves.of(rs), rs.getBytes("payload"), rs.getBytes("meta_data")));
                },
                to);
    }

    /** The stored leaf hash at an index, or null when the tree does not hold it. */
    public byte[] leaf(long index) {
        return jdbc
                .query(
                        "SELECT hash FROM ledger_merkle_node WHERE node_key = ?",
                        (rs, n) -> rs.getBytes(1),
                        MerkleTreeWriter.key(new NodeId(0, index)))
                .stream()
                .findFirst()
                .orElse(null);
    }

    private void checkSize(long size) {
        if (size < 0) {
            throw new IllegalArgumentException("a tree size is not negative");
        }
        long current = size();
        if (size > current) {
            throw new IllegalArgumentException("the tree has " + current + " leaves, fewer than " + size);
        }
    }

    private <T> T compute(Function<NodeSource, T> computation) {
        Set<NodeId> needed = MerkleProofs.nodesFor(computation::apply);
        Map<NodeId, byte[]> hashes =
                jdbc.execute((ConnectionCallback<Map<NodeId, byte[]>>) c -> MerkleTreeWriter.read(c, needed));
        return computation.apply(node -> {
            byte[] hash = hashes.get(node);
            if (hash == null) {
                throw new IllegalStateException("the Merkle tree lacks the subtree " + node);
            }
            return hash;
        });
    }
}
