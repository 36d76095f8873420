package org.hostledger.core.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * A public key that checks note signatures, written as the verifier key string {@code name+hex(keyId)+base64(type ‖
 * publicKey)} of c2sp.org/signed-note. Type {@code 0x01} is an Ed25519 note signature (a log's key); type {@code 0x04}
 * an Ed25519 checkpoint cosignature of c2sp.org/tlog-cosignature (a witness's key).
 */
public final class NoteVerifier {

    public static final byte ED25519 = 0x01;
    public static final byte COSIGNATURE_V1 = 0x04;

    private final String name;
    private final byte type;
    private final int keyId;
    private final byte[] rawKey;
    private final PublicKey key;

    NoteVerifier(String name, byte type, byte[] rawKey) throws NoteException {
        this.name = checkName(name);
        this.type = type;
        this.rawKey = rawKey.clone();
        this.key = Ed25519.publicKey(rawKey);
        this.keyId = keyId(name, type, rawKey);
    }

    /** Parses {@code name+hex(keyId)+base64(type ‖ key)}; the key id must be the one the key and name give. */
    public static NoteVerifier parse(String vkey) throws NoteException {
        String[] parts = vkey.trim().split("\\+", 3);
        if (parts.length != 3) {
            throw new NoteException("a verifier key is name+keyid+key");
        }
        byte[] encoded;
        int id;
        try {
            encoded = Base64.getDecoder().decode(parts[2]);
            if (parts[1].length() != 8) {
                throw new IllegalArgumentException("key id length");
            }
            id = (int) Long.parseLong(parts[1], 16);
        } catch (IllegalArgumentException e) {
            throw new NoteException("malformed verifier key: " + e.getMessage());
        }
        if (encoded.length != 1 + Ed25519.KEY_LENGTH || (encoded[0] != ED25519 && encoded[0] != COSIGNATURE_V1)) {
            throw new NoteException("unsupported verifier key: only Ed25519 (0x01) and cosignature/v1 (0x04)");
        }
        NoteVerifier verifier = new NoteVerifier(parts[0], encoded[0], Arrays.copyOfRange(encoded, 1, encoded.length));
        if (verifier.keyId != id) {
            throw new NoteException("the verifier key's id does not match its name and key");
        }
        return verifier;
    }

    /** {@code SHA-256(name ‖ 0x0A ‖ type ‖ key)[:4]}, big-endian. */
    static int keyId(String name, byte type, byte[] rawKey) {
        MessageDigest digest = sha256();
        digest.update(name.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) '\n');
        digest.update(type);
        digest.update(rawKey);
        return ByteBuffer.wrap(digest.digest()).getInt();
    }

    static String checkName(String name) throws NoteException {
        if (name == null
                || name.isEmpty()
                || name.contains("+")
                || name.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c))) {
            throw new NoteException("a key name is non-empty, without spaces or '+'");
        }
        return name;
    }

    public String name() {
        return name;
    }

    public int keyId() {
        return keyId;
    }

    public byte type() {
        return type;
    }

    public boolean isCosigner() {
        return type == COSIGNATURE_V1;
    }

    /** Whether {@code signature} (the bytes after the 4-byte key id) is this key's over {@code text}. */
    boolean verify(byte[] text, byte[] signature) {
        if (type == ED25519) {
            return Ed25519.verify(key, text, signature);
        }
        if (signature.length != 8 + Ed25519.SIGNATURE_LENGTH) {
            return false;
        }
        long timestamp = ByteBuffer.wrap(signature, 0, 8).getLong();
        byte[] message = Cosignature.message(timestamp, text);
        return Ed25519.verify(key, message, Arrays.copyOfRange(signature, 8, signature.length));
    }

    @Override
    public String toString() {
        byte[] encoded = new byte[1 + rawKey.length];
        encoded[0] = type;
        System.arraycopy(rawKey, 0, encoded, 1, rawKey.length);
        return name + "+" + HexFormat.of().toHexDigits(keyId) + "+"
                + Base64.getEncoder().encodeToString(encoded);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
