/**
 * The verifiable log's rules, with no storage and no framework: RFC 9162 Merkle hashing ({@link
 * org.hostledger.core.merkle.MerkleHash}), proof generation from any source of complete subtree hashes ({@link
 * org.hostledger.core.merkle.MerkleProofs}), proof verification ({@link org.hostledger.core.merkle.ProofVerifier}),
 * and the canonical leaf of one stored event ({@link org.hostledger.core.merkle.EventLeaf}). The store, the REST API,
 * the offline verifier and the witness all use these, so that there is one definition of each rule.
 */
package org.hostledger.core.merkle;
