package org.hostledger.core.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An Ed25519 signing key for notes, stored as the signer key string of Go's {@code golang.org/x/mod/sumdb/note}:
 * {@code PRIVATE+KEY+name+hex(keyId)+base64(type ‖ seed)}, so that the same file works with that package's tools.
 */
public final class NoteSigner {

    private static final String PREFIX = "PRIVATE+KEY+";

    private final String name;
    private final byte type;
    private final byte[] seed;
    private final KeyPair keys;
    private final NoteVerifier verifier;

    private NoteSigner(String name, byte type, byte[] seed) throws NoteException {
        this.name = NoteVerifier.checkName(name);
        this.type = type;
        this.seed = seed.clone();
        this.keys = Ed25519.fromSeed(seed);
        this.verifier = new NoteVerifier(name, type, Ed25519.raw(keys.getPublic()));
    }

    /** A new random log key (type 0x01). */
    public static NoteSigner generate(String name) throws NoteException {
        return new NoteSigner(name, NoteVerifier.ED25519, Ed25519.randomSeed());
    }

    /** A new random witness key (type 0x04, cosignature/v1). */
    public static NoteSigner generateCosigner(String name) throws NoteException {
        return new NoteSigner(name, NoteVerifier.COSIGNATURE_V1, Ed25519.randomSeed());
    }

    public static NoteSigner parse(String skey) throws NoteException {
        String trimmed = skey.trim();
        if (!trimmed.startsWith(PREFIX)) {
            throw new NoteException("a signer key starts with PRIVATE+KEY+");
        }
        String[] parts = trimmed.substring(PREFIX.length()).split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteException("a signer key is PRIVATE+KEY+name+keyid+key");
        }
        byte[] encoded;
        try {
            encoded = Base64.getDecoder().decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteException("malformed signer key: " + e.getMessage());
        }
        if (encoded.length != 1 + Ed25519.KEY_LENGTH
                || (encoded[0] != NoteVerifier.ED25519 && encoded[0] != NoteVerifier.COSIGNATURE_V1)) {
            throw new NoteException("unsupported signer key");
        }
        NoteSigner signer = new NoteSigner(parts[0], encoded[0], Arrays.copyOfRange(encoded, 1, encoded.length));
        if (!HexFormat.of().toHexDigits(signer.verifier.keyId()).equalsIgnoreCase(parts[1])) {
            throw new NoteException("the signer key's id does not match its name and key");
        }
        return signer;
    }

    public String name() {
        return name;
    }

    public NoteVerifier verifier() {
        return verifier;
    }

    /** The signature line for {@code text}: {@code — name base64(keyId ‖ signature)}, with its newline. */
    public String signatureLine(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] sig = Ed25519.sign(keys.getPrivate(), body);
        return line(ByteBuffer.allocate(4 + sig.length)
                .putInt(verifier.keyId())
                .put(sig)
                .array());
    }

    /** A c2sp.org/tlog-cosignature line for a checkpoint body, at {@code timestamp} seconds since the epoch. */
    public String cosignatureLine(String checkpointBody, long timestamp) {
        if (type != NoteVerifier.COSIGNATURE_V1) {
            throw new IllegalStateException("only a witness key (type 0x04) cosigns");
        }
        byte[] message = Cosignature.message(timestamp, checkpointBody.getBytes(StandardCharsets.UTF_8));
        byte[] sig = Ed25519.sign(keys.getPrivate(), message);
        return line(ByteBuffer.allocate(4 + 8 + sig.length)
                .putInt(verifier.keyId())
                .putLong(timestamp)
                .put(sig)
                .array());
    }

    /** Signs a note: its text, a blank line, and this key's signature line. */
    public String sign(String text) throws NoteException {
        SignedNote.checkText(text);
        return text + "\n" + signatureLine(text);
    }

    private String line(byte[] signature) {
        return SignedNote.DASH + name + " " + Base64.getEncoder().encodeToString(signature) + "\n";
    }

    @Override
    public String toString() {
        byte[] encoded = new byte[1 + seed.length];
        encoded[0] = type;
        System.arraycopy(seed, 0, encoded, 1, seed.length);
        return PREFIX + name + "+" + HexFormat.of().toHexDigits(verifier.keyId()) + "+"
                + Base64.getEncoder().encodeToString(encoded);
    }
}
