package org.hostledger.core.note;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A c2sp.org/tlog-proof@v1 file: a header line, an optional {@code extra} line, {@code index N}, the inclusion proof
 * hashes one a line in base64, a blank line, then the signed (and possibly cosigned) checkpoint note.
 *
 * @param index the leaf index
 * @param hashes the inclusion proof, bottom up
 * @param extra opaque application data, or null
 * @param checkpoint the signed checkpoint note, verbatim
 */
public record TlogProof(long index, List<byte[]> hashes, byte[] extra, String checkpoint) {

    public static final String HEADER = "c2sp.org/tlog-proof@v1";

    public TlogProof {
        hashes = List.copyOf(hashes);
    }

    public String format() {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        if (extra != null) {
            out.append("extra ")
                    .append(Base64.getEncoder().encodeToString(extra))
                    .append('\n');
        }
        out.append("index ").append(index).append('\n');
        hashes.forEach(h -> out.append(Base64.getEncoder().encodeToString(h)).append('\n'));
        return out.append('\n').append(checkpoint).toString();
    }

    public static TlogProof parse(String file) throws NoteException {
        int blank = file.indexOf("\n\n");
        if (!file.startsWith(HEADER + "\n") || blank < 0) {
            throw new NoteException("not a " + HEADER + " file");
        }
        String[] lines = file.substring(0, blank).split("\n", -1);
        int i = 1;
        byte[] extra = null;
        try {
            if (i < lines.length && lines[i].startsWith("extra ")) {
                extra = Base64.getDecoder().decode(lines[i++].substring(6));
            }
            if (i >= lines.length || !lines[i].matches("index (0|[1-9][0-9]{0,18})")) {
                throw new NoteException("a tlog-proof has an index line");
            }
            long index = Long.parseLong(lines[i++].substring(6));
            List<byte[]> hashes = new ArrayList<>();
            for (; i < lines.length; i++) {
                byte[] hash = Base64.getDecoder().decode(lines[i]);
                if (hash.length != 32) {
                    throw new NoteException("a proof hash is 32 bytes");
                }
                hashes.add(hash);
            }
            return new TlogProof(index, hashes, extra, file.substring(blank + 2));
        } catch (IllegalArgumentException e) {
            throw new NoteException("malformed tlog-proof: " + e.getMessage());
        }
    }
}
