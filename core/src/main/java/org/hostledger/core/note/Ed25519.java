package org.hostledger.core.note;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.spec.NamedParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;

/** Raw 32-byte Ed25519 keys over the JDK's provider. */
final class Ed25519 {

    static final int KEY_LENGTH = 32;
    static final int SIGNATURE_LENGTH = 64;
    /** The X.509 SubjectPublicKeyInfo prefix of an Ed25519 key (RFC 8410), before the 32 raw bytes. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private Ed25519() {}

    /**
     * The key pair of a 32-byte seed (RFC 8032 private key). The JDK derives a key pair only from a random source, so
     * the seed is handed over as that source's one draw.
     */
    static KeyPair fromSeed(byte[] seed) {
        if (seed.length != KEY_LENGTH) {
            throw new IllegalArgumentException("an Ed25519 seed is 32 bytes");
        }
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("Ed25519");
            generator.initialize(NamedParameterSpec.ED25519, new SeedRandom(seed));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks Ed25519", e);
        }
    }

    static byte[] randomSeed() {
        byte[] seed = new byte[KEY_LENGTH];
        new SecureRandom().nextBytes(seed);
        return seed;
    }

    static byte[] raw(PublicKey key) {
        byte[] encoded = key.getEncoded();
        return Arrays.copyOfRange(encoded, encoded.length - KEY_LENGTH, encoded.length);
    }

    static PublicKey publicKey(byte[] raw) throws NoteException {
        if (raw.length != KEY_LENGTH) {
            throw new NoteException("an Ed25519 public key is 32 bytes");
        }
        byte[] spki = Arrays.copyOf(SPKI_PREFIX, SPKI_PREFIX.length + KEY_LENGTH);
        System.arraycopy(raw, 0, spki, SPKI_PREFIX.length, KEY_LENGTH);
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new NoteException("not an Ed25519 public key", e);
        }
    }

    static byte[] sign(PrivateKey key, byte[] message) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(key);
            signature.update(message);
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] message, byte[] sig) {
        if (sig.length != SIGNATURE_LENGTH) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(sig);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** A "random" source that yields the given seed once, and refuses to be drawn from again. */
    private static final class SeedRandom extends SecureRandom {
        private byte[] seed;

        SeedRandom(byte[] seed) {
            this.seed = seed.clone();
        }

        @Override
        public void nextBytes(byte[] bytes) {
            if (seed == null || bytes.length != seed.length) {
                throw new IllegalStateException("the seed was already used or has the wrong length");
            }
            System.arraycopy(seed, 0, bytes, 0, bytes.length);
            seed = null;
        }
    }
}
