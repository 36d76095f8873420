package org.hostledger.core.query;

/**
 * The verdict on the event store's hash chain.
 *
 * @param intact whether every stored event and the chain head match the chain
 * @param checked how many events were read
 * @param firstBrokenPosition the first global position where it breaks (edited, inserted, reordered or missing
 *     event), null when intact
 * @param headPosition the last position the chain head records
 * @param headHash the hash the chain head records: publish it elsewhere to anchor the chain
 */
public record ChainVerification(
        boolean intact, long checked, Long firstBrokenPosition, long headPosition, String headHash) {}
