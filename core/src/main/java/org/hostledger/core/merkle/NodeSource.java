package org.hostledger.core.merkle;

/** Where the hashes of complete subtrees come from: a table, a map, or a list of leaves. */
@FunctionalInterface
public interface NodeSource {

    /**
     * @return the 32-byte hash of that complete subtree
     * @throws IllegalStateException when the source does not hold it
     */
    byte[] hash(NodeId node);
}
