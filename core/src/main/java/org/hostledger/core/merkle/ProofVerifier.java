package org.hostledger.core.merkle;

import java.security.MessageDigest;
import java.util.List;

/**
 * The checks of RFC 9162 §2.1.3.2 (inclusion) and §2.1.4.2 (consistency), strict about sizes: a proof with a hash
 * too many, too few, or of the wrong length fails, and so does a proof checked against another tree size.
 */
public final class ProofVerifier {

    private ProofVerifier() {}

    /** The root that an inclusion proof leads to; compare it with a trusted root, or use {@link #verifyInclusion}. */
    public static byte[] rootFromInclusion(long index, long size, byte[] leafHash, List<byte[]> proof)
            throws InvalidProofException {
        if (index < 0 || size < 0 || index >= size) {
            throw new InvalidProofException("index " + index + " is not in a tree of size " + size);
        }
        checkHash("leaf hash", leafHash);
        long fn = index;
        long sn = size - 1;
        byte[] r = leafHash;
        for (byte[] p : proof) {
            checkHash("proof hash", p);
            if (sn == 0) {
                throw new InvalidProofException("the proof is longer than a tree of size " + size + " needs");
            }
            if ((fn & 1) == 1 || fn == sn) {
                r = MerkleHash.node(p, r);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                r = MerkleHash.node(r, p);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the proof is shorter than a tree of size " + size + " needs");
        }
        return r;
    }

    public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
            throws InvalidProofException {
        checkHash("root", root);
        byte[] computed = rootFromInclusion(index, size, leafHash, proof);
        if (!MessageDigest.isEqual(computed, root)) {
            throw new InvalidProofException("the inclusion proof leads to another root");
        }
    }

    public static void verifyConsistency(long size1, long size2, byte[] root1, byte[] root2, List<byte[]> proof)
            throws InvalidProofException {
        checkHash("first root", root1);
        checkHash("second root", root2);
        if (size1 < 0 || size2 < size1) {
            throw new InvalidProofException("no consistency from size " + size1 + " to size " + size2);
        }
        if (size1 == size2) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("equal sizes need an empty proof");
            }
            if (!MessageDigest.isEqual(root1, root2)) {
                throw new InvalidProofException("two different roots for the same size " + size1);
            }
            return;
        }
        if (size1 == 0) {
            if (!proof.isEmpty()) {
                throw new InvalidProofException("a proof from the empty tree must be empty");
            }
            return;
        }
        if (proof.isEmpty()) {
            throw new InvalidProofException("the consistency proof is empty");
        }
        for (byte[] p : proof) {
            checkHash("proof hash", p);
        }
        int start = 0;
        byte[] fr;
        byte[] sr;
        if (Long.bitCount(size1) == 1) {
            fr = root1;
            sr = root1;
        } else {
            fr = proof.get(0);
            sr = proof.get(0);
            start = 1;
        }
        long fn = size1 - 1;
        long sn = size2 - 1;
        while ((fn & 1) == 1) {
            fn >>>= 1;
            sn >>>= 1;
        }
        for (int i = start; i < proof.size(); i++) {
            byte[] c = proof.get(i);
            if (sn == 0) {
                throw new InvalidProofException("the consistency proof has too many hashes");
            }
            if ((fn & 1) == 1 || fn == sn) {
                fr = MerkleHash.node(c, fr);
                sr = MerkleHash.node(c, sr);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>>= 1;
                    sn >>>= 1;
                }
            } else {
                sr = MerkleHash.node(sr, c);
            }
            fn >>>= 1;
            sn >>>= 1;
        }
        if (sn != 0) {
            throw new InvalidProofException("the consistency proof has too few hashes");
        }
        if (!MessageDigest.isEqual(fr, root1)) {
            throw new InvalidProofException("the consistency proof does not lead to the first root");
        }
        if (!MessageDigest.isEqual(sr, root2)) {
            throw new InvalidProofException("the consistency proof does not lead to the second root");
        }
    }

    private static void checkHash(String what, byte[] hash) throws InvalidProofException {
        if (hash == null || hash.length != MerkleHash.LENGTH) {
            throw new InvalidProofException("the " + what + " is not " + MerkleHash.LENGTH + " bytes long");
        }
    }
}
