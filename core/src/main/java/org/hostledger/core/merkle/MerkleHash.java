package org.hostledger.core.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 (and RFC 6962) tree hashing with SHA-256: a leaf is {@code SHA-256(0x00 ‖ leaf)}, an interior node {@code
 * SHA-256(0x01 ‖ left ‖ right)}, and the empty tree {@code SHA-256("")}.
 */
public final class MerkleHash {

    public static final int LENGTH = 32;

    private static final byte LEAF_PREFIX = 0x00;
    private static final byte NODE_PREFIX = 0x01;

    private MerkleHash() {}

    public static byte[] leaf(byte[] leafData) {
        MessageDigest digest = sha256();
        digest.update(LEAF_PREFIX);
        digest.update(leafData);
        return digest.digest();
    }

    public static byte[] node(byte[] left, byte[] right) {
        MessageDigest digest = sha256();
        digest.update(NODE_PREFIX);
        digest.update(left);
        digest.update(right);
        return digest.digest();
    }

    /** The root of the tree of size 0. */
    public static byte[] empty() {
        return sha256().digest();
    }

    public static byte[] sha256(byte[] data) {
        return sha256().digest(data);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
