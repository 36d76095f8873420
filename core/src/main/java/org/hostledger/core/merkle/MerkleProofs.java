package org.hostledger.core.merkle;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Tree heads and proofs of RFC 9162 §2.1, computed from the hashes of complete subtrees only: every range the RFC's
 * recursion visits either is a complete, aligned subtree (looked up) or ends at the tree's right edge (folded from the
 * complete subtrees it is made of). A proof at size {@code n} therefore needs O(log² n) stored hashes at most, never a
 * leaf scan. {@link #nodesFor} lists them beforehand, so that a store can fetch them in one query.
 */
public final class MerkleProofs {

    private MerkleProofs() {}

    /** {@code MTH(D[0:size])}. */
    public static byte[] root(long size, NodeSource source) {
        if (size < 0) {
            throw new IllegalArgumentException("negative tree size " + size);
        }
        return size == 0 ? MerkleHash.empty() : subtree(0, size, source);
    }

    /** RFC 9162 §2.1.3.1 {@code PATH(index, D[0:size])}, the leaf's neighbours from the bottom up. */
    public static List<byte[]> inclusion(long index, long size, NodeSource source) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("index " + index + " is not in a tree of size " + size);
        }
        List<byte[]> proof = new ArrayList<>();
        path(index, 0, size, source, proof);
        return proof;
    }

    /** RFC 9162 §2.1.4.1 {@code PROOF(from, D[0:to])}; empty when {@code from} is 0 or equals {@code to}. */
    public static List<byte[]> consistency(long from, long to, NodeSource source) {
        if (from < 0 || from > to) {
            throw new IllegalArgumentException("no consistency proof from size " + from + " to size " + to);
        }
        List<byte[]> proof = new ArrayList<>();
        if (from > 0 && from < to) {
            subproof(from, 0, to, true, source, proof);
        }
        return proof;
    }

    /** The complete subtrees that a computation reads, in the order it first reads them. */
    public static Set<NodeId> nodesFor(java.util.function.Consumer<NodeSource> computation) {
        Set<NodeId> nodes = new LinkedHashSet<>();
        byte[] placeholder = new byte[MerkleHash.LENGTH];
        computation.accept(node -> {
            nodes.add(node);
            return placeholder;
        });
        return nodes;
    }

    /** The complete subtrees whose hashes, folded right to left, give the root at {@code size}: one per set bit. */
    public static List<NodeId> compactRange(long size) {
        List<NodeId> nodes = new ArrayList<>();
        for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
            if ((size >>> level & 1) == 1) {
                nodes.add(new NodeId(level, (size >>> level) - 1));
            }
        }
        return nodes;
    }

    private static void path(long index, long lo, long hi, NodeSource source, List<byte[]> proof) {
        if (hi - lo == 1) {
            return;
        }
        long k = splitPoint(hi - lo);
        if (index - lo < k) {
            path(index, lo, lo + k, source, proof);
            proof.add(subtree(lo + k, hi, source));
        } else {
            path(index, lo + k, hi, source, proof);
            proof.add(subtree(lo, lo + k, source));
        }
    }

    private static void subproof(long m, long lo, long hi, boolean whole, NodeSource source, List<byte[]> proof) {
        if (lo + m == hi) {
            if (!whole) {
                proof.add(subtree(lo, hi, source));
            }
            return;
        }
        long k = splitPoint(hi - lo);
        if (m <= k) {
            subproof(m, lo, lo + k, whole, source, proof);
            proof.add(subtree(lo + k, hi, source));
        } else {
            subproof(m - k, lo + k, hi, false, source, proof);
            proof.add(subtree(lo, lo + k, source));
        }
    }

    /** {@code MTH(D[lo:hi])} where {@code lo} is aligned to the largest power of two not above {@code hi - lo}. */
    static byte[] subtree(long lo, long hi, NodeSource source) {
        long width = hi - lo;
        if (Long.bitCount(width) == 1 && lo % width == 0) {
            int level = Long.numberOfTrailingZeros(width);
            return source.hash(new NodeId(level, lo >>> level));
        }
        long k = splitPoint(width);
        return MerkleHash.node(subtree(lo, lo + k, source), subtree(lo + k, hi, source));
    }

    /** The largest power of two strictly below {@code n}, for {@code n > 1}. */
    static long splitPoint(long n) {
        return Long.highestOneBit(n - 1);
    }
}
