package org.hostledger.core.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Proofs generated from stored complete subtrees, checked against a plain recursive RFC 9162 tree over the leaves,
 * and by the verifier; the tree grown by {@link CompactRange} stores exactly what proofs need.
 */
class MerkleProofsTest {

    private static final int LEAVES = 70;

    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<NodeId, byte[]> stored = new HashMap<>();
    private final List<byte[]> roots = new ArrayList<>();

    MerkleProofsTest() {
        CompactRange range = CompactRange.empty();
        roots.add(range.root());
        for (int i = 0; i < LEAVES; i++) {
            byte[] leaf = MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            range.append(leaf).forEach(n -> stored.put(n.id(), n.hash()));
            roots.add(range.root());
        }
    }

    /** The RFC's MTH over leaf hashes, written straight from its definition. */
    private byte[] reference(int lo, int hi) {
        if (hi - lo == 1) {
            return leaves.get(lo);
        }
        int k = Integer.highestOneBit(hi - lo - 1);
        return MerkleHash.node(reference(lo, lo + k), reference(lo + k, hi));
    }

    private byte[] lookup(NodeId node) {
        byte[] hash = stored.get(node);
        if (hash == null) {
            throw new IllegalStateException("not stored: " + node);
        }
        return hash;
    }

    @Test
    void aCopyOfACompactRangeGrowsOnItsOwn() {
        CompactRange range = CompactRange.empty();
        for (int i = 0; i < 11; i++) {
            range.append(leaves.get(i));
        }
        CompactRange copy = range.copy();
        for (int i = 11; i < 30; i++) {
            copy.append(leaves.get(i));
        }
        assertThat(range.size()).isEqualTo(11);
        assertThat(range.root()).isEqualTo(reference(0, 11));
        assertThat(copy.size()).isEqualTo(30);
        assertThat(copy.root()).isEqualTo(reference(0, 30));
    }

    @Test
    void theEmptyTreeHasTheKnownRoot() {
        assertThat(Base64.getEncoder().encodeToString(MerkleProofs.root(0, this::lookup)))
                .isEqualTo("47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
    }

    @Test
    void rootsFromStoredSubtreesMatchTheDefinitionAndTheCompactRange() {
        for (int n = 1; n <= LEAVES; n++) {
            assertThat(MerkleProofs.root(n, this::lookup)).isEqualTo(reference(0, n));
            assertThat(roots.get(n)).isEqualTo(reference(0, n));
        }
    }

    @Test
    void everyInclusionProofVerifiesAndFailsAgainstAnotherSize() {
        for (int n = 1; n <= LEAVES; n++) {
            for (int i = 0; i < n; i++) {
                long index = i;
                long size = n;
                byte[] leaf = leaves.get(i);
                byte[] root = roots.get(n);
                List<byte[]> proof = MerkleProofs.inclusion(i, n, this::lookup);
                assertThatCode(() -> ProofVerifier.verifyInclusion(index, size, leaf, proof, root))
                        .doesNotThrowAnyException();
                if (2L * n <= LEAVES) {
                    assertThatThrownBy(() -> ProofVerifier.verifyInclusion(
                                    index, 2 * size, leaves.get((int) index), proof, roots.get(2 * (int) size)))
                            .isInstanceOf(InvalidProofException.class);
                }
            }
        }
    }

    @Test
    void everyConsistencyProofVerifies() {
        for (int m = 0; m <= LEAVES; m++) {
            for (int n = m; n <= LEAVES; n++) {
                long from = m;
                long to = n;
                byte[] root1 = roots.get(m);
                byte[] root2 = roots.get(n);
                List<byte[]> proof = MerkleProofs.consistency(m, n, this::lookup);
                assertThatCode(() -> ProofVerifier.verifyConsistency(from, to, root1, root2, proof))
                        .doesNotThrowAnyException();
            }
        }
    }

    @Test
    void aProofOfAnotherHistoryFails() {
        List<byte[]> proof = MerkleProofs.consistency(5, 9, this::lookup);
        byte[] forgedRoot = MerkleHash.node(roots.get(5), roots.get(5));
        assertThatThrownBy(() -> ProofVerifier.verifyConsistency(5, 9, roots.get(5), forgedRoot, proof))
                .isInstanceOf(InvalidProofException.class);
    }

    @Test
    void proofsReadFewStoredSubtreesAndListThemBeforehand() {
        long size = 1_000_003;
        var nodes = MerkleProofs.nodesFor(source -> MerkleProofs.inclusion(0, size, source));
        assertThat(nodes).hasSizeLessThanOrEqualTo(20 * 20);
        assertThat(MerkleProofs.nodesFor(source -> MerkleProofs.root(size, source)))
                .containsExactlyElementsOf(MerkleProofs.compactRange(size));
    }
}
