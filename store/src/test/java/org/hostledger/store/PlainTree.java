package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.hostledger.core.merkle.MerkleHash;
import org.hostledger.store.merkle.MerkleTreeReader;

/** The Merkle root computed the textbook way (RFC 9162 MTH) from the stored events, ignoring the stored subtrees. */
final class PlainTree {

    private PlainTree() {}

    static byte[] root(MerkleTreeReader tree, long size) {
        List<byte[]> leaves = new ArrayList<>();
        for (long position = 1; position <= size; position++) {
            leaves.add(tree.event(position).orElseThrow().leaf().hash());
        }
        return leaves.isEmpty() ? MerkleHash.empty() : root(leaves);
    }

    /** Checks the root the stored subtrees give at every size up to the tree's against the textbook root. */
    static void checkEverySize(MerkleTreeReader tree) {
        long size = tree.size();
        List<byte[]> leaves = new ArrayList<>();
        for (long position = 1; position <= size; position++) {
            leaves.add(tree.event(position).orElseThrow().leaf().hash());
            assertThat(tree.root(position)).as("the root at size %d", position).isEqualTo(root(leaves));
        }
    }

    private static byte[] root(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int split = Integer.highestOneBit(leaves.size() - 1);
        return MerkleHash.node(root(leaves.subList(0, split)), root(leaves.subList(split, leaves.size())));
    }
}
