package org.hostledger.store.merkle;

import java.security.MessageDigest;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.hostledger.core.merkle.InvalidProofException;
import org.hostledger.core.merkle.ProofVerifier;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.core.note.SignedNote;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The checkpoints the ledger signs, every one kept in {@code ledger_checkpoint}. Before signing a new tree head it
 * proves, from the stored tree, that the new tree extends the last signed one (a consistency proof checked like any
 * client would); a tree that does not, or that is smaller than the last signed one (a rolled-back tail), is never
 * signed: the ledger therefore never signs two inconsistent checkpoints, whatever was done to its tables.
 */
public class CheckpointLog {

    private static final Logger log = LoggerFactory.getLogger(CheckpointLog.class);

    private static final RowMapper<Stored> ROW = (rs, n) -> new Stored(
            rs.getLong("tree_size"),
            rs.getBytes("root_hash"),
            rs.getString("note"),
            rs.getObject("signed_at", OffsetDateTime.class).toInstant());

    private final JdbcTemplate jdbc;
    private final MerkleTreeReader tree;
    private final NoteSigner signer;

    /** A signed checkpoint as stored: its size, root, the signed (and cosigned) note, and when it was signed. */
    public record Stored(long size, byte[] root, String note, Instant signedAt) {}

    /** The ledger's tree no longer extends a checkpoint it signed. */
    public static class InconsistentTreeException extends IllegalStateException {
        public InconsistentTreeException(String message) {
            super(message);
        }
    }

    public CheckpointLog(DataSource dataSource, MerkleTreeReader tree, NoteSigner signer) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.tree = tree;
        this.signer = signer;
    }

    public String origin() {
        return signer.name();
    }

    public String verifierKey() {
        return signer.verifier().toString();
    }

    public Optional<Stored> latest() {
        return jdbc.query("SELECT * FROM ledger_checkpoint ORDER BY tree_size DESC LIMIT 1", ROW).stream()
                .findFirst();
    }

    public Optional<Stored> at(long size) {
        return jdbc.query("SELECT * FROM ledger_checkpoint WHERE tree_size = ?", ROW, size).stream()
                .findFirst();
    }

    /** The smallest signed checkpoint at or above a size: what a proof for a leaf below it is checked against. */
    public Optional<Stored> covering(long size) {
        return jdbc
                .query("SELECT * FROM ledger_checkpoint WHERE tree_size >= ? ORDER BY tree_size LIMIT 1", ROW, size)
                .stream()
                .findFirst();
    }

    /**
     * Signs the current tree head when it has grown since the last checkpoint.
     *
     * @return the latest checkpoint after this call
     * @throws InconsistentTreeException when the stored tree is smaller than, or does not extend, the last checkpoint
     */
    public synchronized Stored signLatest() {
        long size = tree.size();
        Optional<Stored> last = latest();
        if (last.isPresent()) {
            Stored previous = last.get();
            if (size < previous.size()) {
                throw new InconsistentTreeException("the tree holds " + size + " events but checkpoint "
                        + previous.size() + " was signed: " + (previous.size() - size) + " events rolled back");
            }
            byte[] root = tree.root(size);
            checkExtends(previous, size, root);
            if (size == previous.size()) {
                return previous;
            }
            return sign(size, root);
        }
        return sign(size, tree.root(size));
    }

    /** Signing or storing a new checkpoint failed (the key, the database); nothing was signed. */
    public static class SigningFailedException extends IllegalStateException {
        public SigningFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** This node's signing key is not the one that signed the stored checkpoints. */
    public static class ForeignKeyException extends IllegalStateException {
        public ForeignKeyException(String message) {
            super(message);
        }
    }

    /**
     * Checks that the latest stored checkpoint was signed by this node's key: every node sharing a database must sign
     * with the same key file and origin, or clients would see checkpoints of two keys for one log.
     *
     * @throws ForeignKeyException naming both keys when it was not
     */
    public void checkSignedByThisKey() {
        Optional<Stored> last = latest();
        if (last.isEmpty()) {
            return;
        }
        String signedBy = "no key";
        try {
            SignedNote note = SignedNote.parse(last.get().note());
            if (!note.signatures().isEmpty()) {
                SignedNote.Signature first = note.signatures().get(0);
                signedBy = "the key " + first.name() + " with id " + String.format("%08x", first.keyId());
            }
            note.open(List.of(signer.verifier()));
        } catch (NoteException e) {
            throw new ForeignKeyException(
                    "the stored checkpoint at size " + last.get().size() + " was signed by "
                            + signedBy + ", not by this node's key " + verifierKey() + " (" + e.getMessage()
                            + "): every node sharing a database must use the same hostledger.ledger.signing-key file and"
                            + " hostledger.ledger.origin; copy the key file of the node that signed it");
        }
    }

    /** How many events the tree lacks compared with the largest checkpoint this ledger signed; 0 when none. */
    public long rolledBack() {
        return latest().map(c -> Math.max(0, c.size() - tree.size())).orElse(0L);
    }

    /** Adds witnesses' cosignature lines to a stored checkpoint's note (kept, and served from then on). */
    public void attach(long size, List<SignedNote.Signature> cosignatures) throws NoteException {
        Stored stored = at(size).orElseThrow(() -> new IllegalArgumentException("no checkpoint at " + size));
        String note = SignedNote.parse(stored.note()).with(cosignatures).format();
        jdbc.update("UPDATE ledger_checkpoint SET note = ? WHERE tree_size = ?", note, size);
    }

    private void checkExtends(Stored previous, long size, byte[] root) {
        try {
            List<byte[]> proof = tree.consistency(previous.size(), size);
            ProofVerifier.verifyConsistency(previous.size(), size, previous.root(), root, proof);
        } catch (InvalidProofException e) {
            throw new InconsistentTreeException("the stored tree at size " + size
                    + " does not extend the signed checkpoint at size " + previous.size() + ": " + e.getMessage());
        }
    }

    private Stored sign(long size, byte[] root) {
        String body = new Checkpoint(signer.name(), size, root).format();
        String note;
        try {
            note = signer.sign(body);
        } catch (NoteException | RuntimeException e) {
            throw new SigningFailedException("signing the checkpoint at size " + size + " failed", e);
        }
        Instant now = Instant.now();
        try {
            jdbc.update(
                    "INSERT INTO ledger_checkpoint (tree_size, root_hash, note, signed_at) VALUES (?,?,?,?)",
                    size,
                    root,
                    note,
                    OffsetDateTime.ofInstant(now, ZoneOffset.UTC));
            log.debug("Signed checkpoint {} at size {}", signer.name(), size);
            return new Stored(size, root, note, now);
        } catch (DuplicateKeyException e) {
            // Another node signed the same size at the same moment: the same tree, so the same root, or a fork.
            Stored other = at(size).orElseThrow(() -> e);
            if (!MessageDigest.isEqual(other.root(), root)) {
                throw new InconsistentTreeException("two roots for size " + size);
            }
            return other;
        } catch (DataAccessException e) {
            throw new SigningFailedException("storing the checkpoint at size " + size + " failed", e);
        }
    }
}
