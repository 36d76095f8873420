/**
 * The verifiable log's storage: the Merkle tree's complete subtrees, written in the append's own transaction
 * ({@link org.hostledger.store.merkle.MerkleTreeWriter}), read for roots and proofs ({@link
 * org.hostledger.store.merkle.MerkleTreeReader}), and the signed checkpoints ({@link
 * org.hostledger.store.merkle.CheckpointLog}). Plain JDBC and Spring JDBC, nothing web: it belongs to the {@code
 * store} module.
 */
package org.hostledger.store.merkle;
