package org.hostledger.api.verifiable;

import org.hostledger.core.query.ChainVerification;
import org.hostledger.store.merkle.MerkleVerifier;

/**
 * The answer of {@code GET /api/audit/verify}: the hash chain's verdict and the Merkle tree's, recomputed from the
 * stored events and compared with the latest signed checkpoint.
 *
 * @param intact the chain and the tree are intact, the latest checkpoint's root is recomputed, nothing rolled back
 * @param checked events read
 * @param firstBrokenPosition the first position where the chain or the tree breaks, null when intact
 * @param chainIntact the hash chain's own verdict
 * @param headPosition the last position the chain head records
 * @param headHash the hash the chain head records
 * @param merkleRoot the root recomputed over every stored event (base64)
 * @param checkpointSize the size of the latest signed checkpoint, null when none
 * @param checkpointMatches the root recomputed at that size is the signed one
 * @param firstMismatchedLeaf the first position whose recomputed leaf is not the tree's, null when none
 * @param rolledBack events missing compared with the latest signed checkpoint: a deleted tail
 */
public record LedgerVerification(
        boolean intact,
        long checked,
        Long firstBrokenPosition,
        boolean chainIntact,
        long headPosition,
        String headHash,
        String merkleRoot,
        Long checkpointSize,
        boolean checkpointMatches,
        Long firstMismatchedLeaf,
        long rolledBack) {

    public static LedgerVerification of(ChainVerification chain, MerkleVerifier.Result tree, long witnessedRollback) {
        Long broken = chain.firstBrokenPosition();
        if (tree.firstMismatchedPosition() != null && (broken == null || tree.firstMismatchedPosition() < broken)) {
            broken = tree.firstMismatchedPosition();
        }
        long rolledBack = Math.max(tree.rolledBack(), witnessedRollback);
        return new LedgerVerification(
                chain.intact() && tree.intact() && rolledBack == 0,
                chain.checked(),
                broken,
                chain.intact(),
                chain.headPosition(),
                chain.headHash(),
                tree.root(),
                tree.checkpointSize(),
                tree.checkpointMatches(),
                tree.firstMismatchedPosition(),
                rolledBack);
    }
}
