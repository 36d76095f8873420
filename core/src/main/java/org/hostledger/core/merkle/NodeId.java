package org.hostledger.core.merkle;

/**
 * A complete subtree of the log: the {@code 2^level} leaves from {@code index * 2^level}. Level 0 is a leaf hash; a
 * complete subtree never changes once its last leaf is appended, so it can be stored once and for all.
 */
public record NodeId(int level, long index) {

    public NodeId {
        if (level < 0 || level > 62 || index < 0) {
            throw new IllegalArgumentException("no such subtree: level " + level + ", index " + index);
        }
    }

    /** The first leaf it covers. */
    public long start() {
        return index << level;
    }

    /** The leaf after the last one it covers. */
    public long end() {
        return (index + 1) << level;
    }
}
