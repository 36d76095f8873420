package org.hostledger.core.merkle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hostledger.core.audit.EventChain;

/**
 * The canonical leaf of one stored event in the ledger's Merkle tree. The event at global position {@code p} (from 1)
 * is leaf {@code p - 1}; its leaf hash is {@code SHA-256(0x00 ‖ encode(event))} (RFC 9162), where {@code encode} is
 * the concatenation of, in this order:
 *
 * <ol>
 *   <li>the ASCII tag {@code hostledger-leaf-v1} (18 bytes, no length);
 *   <li>the global position, the sequence number in its aggregate, and the recorded instant in microseconds since
 *       1970-01-01T00:00:00Z, each an 8-byte big-endian signed integer;
 *   <li>the event id, the aggregate type, the aggregate id, the payload type and the payload revision, each as UTF-8
 *       text preceded by its length in bytes as a 4-byte big-endian integer ({@code -1} and no bytes for null);
 *   <li>{@code SHA-256(payload)} and {@code SHA-256(metadata)} of the bytes exactly as stored (32 bytes each);
 *   <li>the event's hash-chain value ({@code org.hostledger.core.audit.EventChain}, 32 bytes).
 * </ol>
 *
 * <p>Hashes of payload and metadata rather than the bytes keep leaves small, and let anyone holding only an event's
 * payload check it; the chain hash binds the leaf to everything before it in the store.
 *
 * @param position global position, from 1
 * @param recordedAt recorded instant (kept to the microsecond)
 * @param payloadSha256 SHA-256 of the stored payload bytes
 * @param metadataSha256 SHA-256 of the stored metadata bytes
 * @param chainHash the event's stored chain hash
 */
public record EventLeaf(
        long position,
        String eventId,
        String aggregateType,
        String aggregateId,
        long sequenceNumber,
        Instant recordedAt,
        String payloadType,
        String payloadRevision,
        byte[] payloadSha256,
        byte[] metadataSha256,
        byte[] chainHash) {

    private static final byte[] TAG = "hostledger-leaf-v1".getBytes(StandardCharsets.US_ASCII);

    /** The leaf of an event the chain just linked, from the same stored content. */
    public static EventLeaf of(EventChain.Link event, byte[] chainHash) {
        return new EventLeaf(
                event.globalIndex(),
                event.eventId(),
                event.aggregateType(),
                event.aggregateId(),
                event.sequenceNumber(),
                event.recordedAt(),
                event.payloadType(),
                event.payloadRevision(),
                MerkleHash.sha256(event.payload()),
                MerkleHash.sha256(event.metadata()),
                chainHash);
    }

    /** The leaf index of the event at a global position. */
    public static long indexOf(long position) {
        return position - 1;
    }

    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.writeBytes(TAG);
        out.writeBytes(ByteBuffer.allocate(24)
                .putLong(position)
                .putLong(sequenceNumber)
                .putLong(ChronoUnit.MICROS.between(Instant.EPOCH, recordedAt))
                .array());
        text(out, eventId);
        text(out, aggregateType);
        text(out, aggregateId);
        text(out, payloadType);
        text(out, payloadRevision);
        fixed(out, payloadSha256);
        fixed(out, metadataSha256);
        fixed(out, chainHash);
        return out.toByteArray();
    }

    /** {@code SHA-256(0x00 ‖ encode())}. */
    public byte[] hash() {
        return MerkleHash.leaf(encode());
    }

    private static void text(ByteArrayOutputStream out, String value) {
        if (value == null) {
            out.writeBytes(ByteBuffer.allocate(4).putInt(-1).array());
            return;
        }
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
        out.writeBytes(bytes);
    }

    private static void fixed(ByteArrayOutputStream out, byte[] hash) {
        if (hash == null || hash.length != MerkleHash.LENGTH) {
            throw new IllegalArgumentException("an event leaf needs 32-byte hashes");
        }
        out.writeBytes(hash);
    }
}
