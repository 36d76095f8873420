package org.hostledger.core.audit;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The tamper-evidence chain of the event store, published so that anyone holding a copy of the store can check it
 * without this code.
 *
 * <p>Each stored event carries {@code hash = SHA-256(previousHash ‖ encode(event))}, where the previous hash is that
 * of the event at the global position just before (32 zero bytes before the first event), and {@code encode} is the
 * concatenation of, in this order: the ASCII tag {@code hostledger-chain-v1}; the global index, the sequence number
 * and the recorded instant in microseconds since the epoch, each as an 8-byte big-endian integer; then the event id,
 * aggregate type, aggregate id, payload type and payload revision as UTF-8 text, and the payload and metadata bytes,
 * each of these preceded by its length as a 4-byte big-endian integer ({@code -1} for null).
 *
 * <p>Changing, inserting or deleting any stored event, or reordering two of them, breaks the chain from that position
 * on.
 */
public final class EventChain {

    public static final int HASH_LENGTH = 32;

    private static final byte[] GENESIS = new byte[HASH_LENGTH];
    private static final byte[] TAG = "hostledger-chain-v1".getBytes(StandardCharsets.US_ASCII);

    private EventChain() {}

    /** The hash that precedes the first event. */
    public static byte[] genesis() {
        return GENESIS.clone();
    }

    /** Recorded instants are kept to the microsecond, the precision both supported databases store. */
    public static Instant truncate(Instant recordedAt) {
        return recordedAt.truncatedTo(ChronoUnit.MICROS);
    }

    public static byte[] link(byte[] previousHash, Link event) {
        MessageDigest digest = sha256();
        digest.update(previousHash);
        digest.update(TAG);
        ByteBuffer numbers = ByteBuffer.allocate(24);
        numbers.putLong(event.globalIndex());
        numbers.putLong(event.sequenceNumber());
        numbers.putLong(ChronoUnit.MICROS.between(Instant.EPOCH, event.recordedAt()));
        digest.update(numbers.array());
        text(digest, event.eventId());
        text(digest, event.aggregateType());
        text(digest, event.aggregateId());
        text(digest, event.payloadType());
        text(digest, event.payloadRevision());
        bytes(digest, event.payload());
        bytes(digest, event.metadata());
        return digest.digest();
    }

    public static String hex(byte[] hash) {
        return HexFormat.of().formatHex(hash);
    }

    private static void text(MessageDigest digest, String value) {
        bytes(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(MessageDigest digest, byte[] value) {
        digest.update(
                ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            digest.update(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The stored content of one event that the chain covers. */
    public record Link(
            long globalIndex,
            String eventId,
            String aggregateType,
            String aggregateId,
            long sequenceNumber,
            Instant recordedAt,
            String payloadType,
            String payloadRevision,
            byte[] payload,
            byte[] metadata) {}
}
