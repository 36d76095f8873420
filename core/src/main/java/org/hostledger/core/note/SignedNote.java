package org.hostledger.core.note;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A c2sp.org/signed-note: UTF-8 text ending in a newline, a blank line, then one line per signature, {@code — name
 * base64(keyId ‖ signature)} (an em dash U+2014 and a space first). The signatures cover the text including its final
 * newline.
 *
 * @param text the signed text, with its final newline
 * @param signatures every signature line, in order
 */
public record SignedNote(String text, List<Signature> signatures) {

    static final String DASH = "\u2014 ";
    private static final int MAX_SIGNATURES = 100;

    /** One signature line. */
    public record Signature(String name, int keyId, byte[] signature) {
        String line() {
            byte[] all = ByteBuffer.allocate(4 + signature.length)
                    .putInt(keyId)
                    .put(signature)
                    .array();
            return DASH + name + " " + Base64.getEncoder().encodeToString(all) + "\n";
        }
    }

    public SignedNote {
        signatures = List.copyOf(signatures);
    }

    public static SignedNote parse(String note) throws NoteException {
        int split = note.lastIndexOf("\n\n");
        if (split < 0) {
            throw new NoteException("a signed note has a blank line before its signatures");
        }
        String text = note.substring(0, split + 1);
        checkText(text);
        String block = note.substring(split + 2);
        if (block.isEmpty() || !block.endsWith("\n")) {
            throw new NoteException("a signed note ends with signature lines, each ending in a newline");
        }
        List<Signature> signatures = new ArrayList<>();
        for (String line : block.substring(0, block.length() - 1).split("\n", -1)) {
            if (!line.startsWith(DASH)) {
                throw new NoteException("a signature line starts with an em dash and a space");
            }
            String[] parts = line.substring(DASH.length()).split(" ", -1);
            if (parts.length != 2) {
                throw new NoteException("a signature line is: em dash, name, base64 signature");
            }
            byte[] all;
            try {
                all = Base64.getDecoder().decode(parts[1]);
            } catch (IllegalArgumentException e) {
                throw new NoteException("a signature is not base64: " + e.getMessage());
            }
            if (all.length < 5) {
                throw new NoteException("a signature is shorter than its key id");
            }
            signatures.add(new Signature(
                    NoteVerifier.checkName(parts[0]),
                    ByteBuffer.wrap(all).getInt(),
                    Arrays.copyOfRange(all, 4, all.length)));
            if (signatures.size() > MAX_SIGNATURES) {
                throw new NoteException("more than " + MAX_SIGNATURES + " signatures");
            }
        }
        return new SignedNote(text, signatures);
    }

    static void checkText(String text) throws NoteException {
        if (text.isEmpty() || !text.endsWith("\n")) {
            throw new NoteException("a note's text ends with a newline");
        }
        if (text.endsWith("\n\n")) {
            throw new NoteException("a note's text does not end with a blank line");
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\n') {
                throw new NoteException("a note's text has no control characters");
            }
        }
    }

    /**
     * Checks the signatures of the known keys: every one that is present must verify, and at least one must be
     * present. Unknown keys' signatures are ignored, as the spec says.
     *
     * @return the names of the keys whose signatures verified
     */
    public Set<String> open(Collection<NoteVerifier> known) throws NoteException {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        Set<String> verified = new LinkedHashSet<>();
        for (Signature signature : signatures) {
            for (NoteVerifier verifier : known) {
                if (verifier.name().equals(signature.name()) && verifier.keyId() == signature.keyId()) {
                    if (!verifier.verify(body, signature.signature())) {
                        throw new NoteException("the signature of " + signature.name() + " does not verify");
                    }
                    verified.add(signature.name());
                }
            }
        }
        if (verified.isEmpty()) {
            throw new NoteException("the note carries no signature of a known key");
        }
        return verified;
    }

    /** This note with more signature lines (a witness's cosignature) after its own. */
    public SignedNote with(List<Signature> more) {
        List<Signature> all = new ArrayList<>(signatures);
        for (Signature signature : more) {
            boolean present =
                    all.stream().anyMatch(s -> s.name().equals(signature.name()) && s.keyId() == signature.keyId());
            if (!present) {
                all.add(signature);
            }
        }
        return new SignedNote(text, all);
    }

    public String format() {
        StringBuilder out = new StringBuilder(text).append('\n');
        signatures.forEach(s -> out.append(s.line()));
        return out.toString();
    }
}
