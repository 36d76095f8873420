package org.hostledger.core.note;

import java.util.Base64;
import java.util.List;

/**
 * The body of a c2sp.org/tlog-checkpoint: the log's origin line, the tree size in decimal, the root hash in base64,
 * each ending in a newline, then optional extension lines.
 *
 * @param origin the log's unique name, which is also its key's name
 * @param size the number of leaves
 * @param rootHash the RFC 9162 root at that size (32 bytes)
 * @param extensions further lines, none written by this ledger
 */
public record Checkpoint(String origin, long size, byte[] rootHash, List<String> extensions) {

    public Checkpoint {
        extensions = List.copyOf(extensions);
    }

    public Checkpoint(String origin, long size, byte[] rootHash) {
        this(origin, size, rootHash, List.of());
    }

    public static Checkpoint parse(String text) throws NoteException {
        if (!text.endsWith("\n")) {
            throw new NoteException("a checkpoint ends with a newline");
        }
        String[] lines = text.substring(0, text.length() - 1).split("\n", -1);
        if (lines.length < 3 || lines[0].isEmpty()) {
            throw new NoteException("a checkpoint has an origin, a size and a root hash line");
        }
        long size;
        byte[] root;
        try {
            if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
                throw new IllegalArgumentException("size is not a decimal number");
            }
            size = Long.parseLong(lines[1]);
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            throw new NoteException("malformed checkpoint: " + e.getMessage());
        }
        if (root.length != 32) {
            throw new NoteException("a checkpoint's root hash is 32 bytes");
        }
        List<String> extensions = List.of(lines).subList(3, lines.length);
        if (extensions.stream().anyMatch(String::isEmpty)) {
            throw new NoteException("a checkpoint has no empty lines");
        }
        return new Checkpoint(lines[0], size, root, extensions);
    }

    public String format() {
        StringBuilder out = new StringBuilder()
                .append(origin)
                .append('\n')
                .append(size)
                .append('\n')
                .append(Base64.getEncoder().encodeToString(rootHash))
                .append('\n');
        extensions.forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
