package org.hostledger.witness;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hostledger.core.merkle.InvalidProofException;
import org.hostledger.core.merkle.MerkleHash;
import org.hostledger.core.merkle.ProofVerifier;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.core.note.NoteVerifier;
import org.hostledger.core.note.SignedNote;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The add-checkpoint rules of c2sp.org/tlog-witness, checked in the spec's order: a well-formed request (400); a
 * known log (404); the log's signature (403); {@code old} equal to the size the witness holds (409, with that size);
 * {@code old} not above the new size (400); a consistency proof from the held checkpoint to the new one, the same root
 * at the same size (422). The new checkpoint is stored, in the same transaction that read the held one, before the
 * cosignature is returned.
 */
public class Witness {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final NoteSigner key;
    private final Map<String, NoteVerifier> logs;

    /** A refusal, with its HTTP status and, for 409, the size the witness holds. */
    public static final class Refusal extends Exception {
        private final int status;
        private final long heldSize;

        Refusal(int status, String message) {
            this(status, message, -1);
        }

        Refusal(int status, String message, long heldSize) {
            super(message);
            this.status = status;
            this.heldSize = heldSize;
        }

        public int status() {
            return status;
        }

        public long heldSize() {
            return heldSize;
        }
    }

    /** The checkpoint the witness holds for a log. */
    public record Held(long size, byte[] root, String note) {}

    public Witness(JdbcTemplate jdbc, TransactionTemplate transaction, NoteSigner key, Map<String, NoteVerifier> logs) {
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.key = key;
        this.logs = Map.copyOf(logs);
    }

    public NoteVerifier verifier() {
        return key.verifier();
    }

    public Optional<Held> held(String origin) {
        return jdbc
                .query(
                        "SELECT tree_size, root_hash, note FROM witness_checkpoint WHERE origin = ?",
                        (rs, n) -> new Held(rs.getLong(1), rs.getBytes(2), rs.getString(3)),
                        origin)
                .stream()
                .findFirst();
    }

    /** The held checkpoint of the log whose origin hashes (SHA-256, hex) to the key. */
    public Optional<Held> heldByKey(String originHash) {
        return jdbc.queryForList("SELECT origin FROM witness_checkpoint", String.class).stream()
                .filter(origin -> originKey(origin).equalsIgnoreCase(originHash))
                .findFirst()
                .flatMap(this::held);
    }

    /** Handles one add-checkpoint body; returns the cosignature line(s). */
    public String addCheckpoint(String body) throws Refusal {
        int blank = body.indexOf("\n\n");
        if (blank < 0) {
            throw new Refusal(400, "the request has no blank line before the checkpoint");
        }
        String[] lines = body.substring(0, blank).split("\n", -1);
        if (!lines[0].matches("old (0|[1-9][0-9]{0,18})")) {
            throw new Refusal(400, "the request starts with an old size line");
        }
        long old = Long.parseLong(lines[0].substring(4));
        List<byte[]> proof = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            try {
                byte[] hash = Base64.getDecoder().decode(lines[i]);
                if (hash.length != MerkleHash.LENGTH) {
                    throw new IllegalArgumentException("not 32 bytes");
                }
                proof.add(hash);
            } catch (IllegalArgumentException e) {
                throw new Refusal(400, "a proof line is not a base64 hash");
            }
        }
        String noteText = body.substring(blank + 2);
        SignedNote note;
        Checkpoint checkpoint;
        try {
            note = SignedNote.parse(noteText);
            checkpoint = Checkpoint.parse(note.text());
        } catch (NoteException e) {
            throw new Refusal(400, "malformed checkpoint: " + e.getMessage());
        }
        NoteVerifier log = logs.get(checkpoint.origin());
        if (log == null) {
            throw new Refusal(404, "unknown log " + checkpoint.origin());
        }
        try {
            note.open(List.of(log));
        } catch (NoteException e) {
            throw new Refusal(403, "the log's signature: " + e.getMessage());
        }
        SignedNote verified = note;
        Checkpoint cp = checkpoint;
        try {
            return transaction.execute(status -> {
                try {
                    return cosign(cp, verified, old, proof);
                } catch (Refusal r) {
                    throw new RefusalCarrier(r);
                }
            });
        } catch (RefusalCarrier carrier) {
            throw carrier.refusal;
        }
    }

    private String cosign(Checkpoint checkpoint, SignedNote note, long old, List<byte[]> proof) throws Refusal {
        Optional<Held> held = jdbc
                .query(
                        "SELECT tree_size, root_hash, note FROM witness_checkpoint WHERE origin = ? FOR UPDATE",
                        (rs, n) -> new Held(rs.getLong(1), rs.getBytes(2), rs.getString(3)),
                        checkpoint.origin())
                .stream()
                .findFirst();
        long heldSize = held.map(Held::size).orElse(0L);
        if (old != heldSize) {
            throw new Refusal(409, "the witness holds size " + heldSize, heldSize);
        }
        if (old > checkpoint.size()) {
            throw new Refusal(400, "old size " + old + " is above the checkpoint's " + checkpoint.size());
        }
        if (held.isEmpty()) {
            if (!proof.isEmpty()) {
                throw new Refusal(422, "no proof is expected from size 0");
            }
        } else if (old == checkpoint.size()) {
            if (!proof.isEmpty() || !MessageDigest.isEqual(held.get().root(), checkpoint.rootHash())) {
                throw new Refusal(422, "another root for the size the witness holds");
            }
        } else {
            try {
                ProofVerifier.verifyConsistency(
                        old, checkpoint.size(), held.get().root(), checkpoint.rootHash(), proof);
            } catch (InvalidProofException e) {
                throw new Refusal(422, "the consistency proof: " + e.getMessage());
            }
        }
        String body = checkpoint.format();
        String cosignature = key.cosignatureLine(body, Instant.now().getEpochSecond());
        String stored = note.format() + cosignature;
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        if (held.isEmpty()) {
            jdbc.update(
                    "INSERT INTO witness_checkpoint (origin, tree_size, root_hash, note, updated_at) VALUES (?,?,?,?,?)",
                    checkpoint.origin(),
                    checkpoint.size(),
                    checkpoint.rootHash(),
                    stored,
                    now);
        } else {
            jdbc.update(
                    "UPDATE witness_checkpoint SET tree_size = ?, root_hash = ?, note = ?, updated_at = ? WHERE origin = ?",
                    checkpoint.size(),
                    checkpoint.rootHash(),
                    stored,
                    now,
                    checkpoint.origin());
        }
        return cosignature;
    }

    /** Carries a refusal out of the transaction callback, rolling it back. */
    private static final class RefusalCarrier extends RuntimeException {
        private final Refusal refusal;

        RefusalCarrier(Refusal refusal) {
            super(refusal.getMessage(), null, false, false);
            this.refusal = refusal;
        }
    }

    static String originKey(String origin) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(origin.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
