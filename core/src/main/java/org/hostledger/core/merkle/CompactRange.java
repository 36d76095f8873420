package org.hostledger.core.merkle;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;

/**
 * The right edge of a growing tree: the complete subtrees of {@link MerkleProofs#compactRange}, enough to append leaves
 * and to compute the root without reading anything else. Each append reports the complete subtrees it finishes (the
 * leaf itself and every parent it completes), which is what a store keeps.
 */
public final class CompactRange {

    private long size;
    /** Hashes of the compact range, highest level first; levels strictly decreasing. */
    private final Deque<Entry> edge = new ArrayDeque<>();

    private record Entry(NodeId node, byte[] hash) {}

    /** A stored subtree and its hash. */
    public record Node(NodeId id, byte[] hash) {}

    private CompactRange(long size) {
        this.size = size;
    }

    /**
     * @param size the tree size
     * @param hashes the hashes of at least {@link MerkleProofs#compactRange}({@code size})
     */
    public static CompactRange of(long size, Map<NodeId, byte[]> hashes) {
        CompactRange range = new CompactRange(size);
        for (NodeId node : MerkleProofs.compactRange(size)) {
            byte[] hash = hashes.get(node);
            if (hash == null) {
                throw new IllegalStateException("the Merkle tree lacks subtree " + node + " at size " + size);
            }
            range.edge.addLast(new Entry(node, hash));
        }
        return range;
    }

    public static CompactRange empty() {
        return new CompactRange(0);
    }

    public long size() {
        return size;
    }

    /** An independent copy: appending to it leaves this range as it is (hashes are never changed, only shared). */
    public CompactRange copy() {
        CompactRange copy = new CompactRange(size);
        copy.edge.addAll(edge);
        return copy;
    }

    /** Appends one leaf hash; returns the complete subtrees it creates, the leaf first. */
    public List<Node> append(byte[] leafHash) {
        List<Node> created = new ArrayList<>();
        NodeId node = new NodeId(0, size);
        byte[] hash = leafHash;
        created.add(new Node(node, hash));
        while ((node.index() & 1) == 1) {
            Entry left = edge.removeLast();
            node = new NodeId(node.level() + 1, node.index() >>> 1);
            hash = MerkleHash.node(left.hash(), hash);
            created.add(new Node(node, hash));
        }
        edge.addLast(new Entry(node, hash));
        size++;
        return created;
    }

    public byte[] root() {
        if (size == 0) {
            return MerkleHash.empty();
        }
        byte[] root = null;
        var it = edge.descendingIterator();
        while (it.hasNext()) {
            byte[] hash = it.next().hash();
            root = root == null ? hash : MerkleHash.node(hash, root);
        }
        return root;
    }
}
