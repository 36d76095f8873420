package org.hostledger.verifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hostledger.core.merkle.CompactRange;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.InvalidProofException;
import org.hostledger.core.merkle.MerkleHash;
import org.hostledger.core.merkle.ProofVerifier;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteVerifier;
import org.hostledger.core.note.SignedNote;
import org.hostledger.core.note.TlogProof;

/**
 * {@code java -jar hostledger-verifier.jar <command> [options]}: checks HostLedger's proofs offline.
 *
 * <pre>
 * inclusion   --index I --size N --leaf-hash B64 --root B64 --proof B64,B64,...
 * consistency --from M --to N --old-root B64 --new-root B64 --proof B64,B64,...
 * proof       --event FILE --proof FILE --key VKEY [--witness VKEY ...] [--quorum K]
 * export      --events FILE.ndjson --checkpoint FILE --key VKEY
 * </pre>
 *
 * Exit codes: 0 verified; 1 the proof or the data does not match (inclusion, consistency, leaf, root); 2 usage error;
 * 3 an input file is unreadable or malformed; 4 the checkpoint is not signed by the key; 5 fewer witnesses cosigned
 * than the quorum.
 */
public final class Verifier {

    public static final int OK = 0;
    public static final int MISMATCH = 1;
    public static final int USAGE = 2;
    public static final int MALFORMED = 3;
    public static final int BAD_SIGNATURE = 4;
    public static final int NO_QUORUM = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final PrintStream out;
    private final PrintStream err;

    /** A failure with its exit code. */
    static final class Failure extends Exception {
        final int code;

        Failure(int code, String message) {
            super(message);
            this.code = code;
        }
    }

    Verifier(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(new Verifier(System.out, System.err).run(args));
    }

    int run(String[] args) {
        if (args.length == 0) {
            return usage("a command is required");
        }
        try {
            Options options = Options.parse(args);
            switch (args[0]) {
                case "inclusion" -> inclusion(options);
                case "consistency" -> consistency(options);
                case "proof" -> proof(options);
                case "export" -> export(options);
                default -> throw new Failure(USAGE, "unknown command " + args[0]);
            }
            return OK;
        } catch (Failure f) {
            if (f.code == USAGE) {
                return usage(f.getMessage());
            }
            err.println("FAILED: " + f.getMessage());
            return f.code;
        }
    }

    private int usage(String problem) {
        err.println("error: " + problem);
        err.println("usage: java -jar hostledger-verifier.jar <command> [options]");
        err.println("  inclusion   --index I --size N --leaf-hash B64 --root B64 --proof B64,B64,...");
        err.println("  consistency --from M --to N --old-root B64 --new-root B64 --proof B64,B64,...");
        err.println("  proof       --event FILE --proof FILE --key VKEY [--witness VKEY ...] [--quorum K]");
        err.println("  export      --events FILE.ndjson --checkpoint FILE --key VKEY");
        err.println("exit codes: 0 verified, 1 mismatch, 2 usage, 3 malformed input, 4 bad signature, 5 no quorum");
        return USAGE;
    }

    private void inclusion(Options o) throws Failure {
        long index = o.number("index");
        long size = o.number("size");
        byte[] leaf = o.hash("leaf-hash");
        byte[] root = o.hash("root");
        List<byte[]> proof = o.hashes("proof");
        check(() -> ProofVerifier.verifyInclusion(index, size, leaf, proof, root));
        out.println("OK: leaf " + index + " is in the tree of size " + size);
    }

    private void consistency(Options o) throws Failure {
        long from = o.number("from");
        long to = o.number("to");
        byte[] oldRoot = o.hash("old-root");
        byte[] newRoot = o.hash("new-root");
        List<byte[]> proof = o.hashes("proof");
        check(() -> ProofVerifier.verifyConsistency(from, to, oldRoot, newRoot, proof));
        out.println("OK: the tree of size " + to + " extends the tree of size " + from);
    }

    private void proof(Options o) throws Failure {
        EventLeaf leaf = leaf(readJson(o.file("event")));
        TlogProof proof;
        try {
            proof = TlogProof.parse(read(o.file("proof")));
        } catch (NoteException e) {
            throw new Failure(MALFORMED, "the proof file: " + e.getMessage());
        }
        NoteVerifier key = key(o.required("key"));
        Checkpoint checkpoint = openCheckpoint(proof.checkpoint(), key, o.all("witness"), o.quorum());
        if (proof.index() != EventLeaf.indexOf(leaf.position())) {
            throw new Failure(
                    MISMATCH,
                    "the proof is for leaf " + proof.index() + ", the event is at position " + leaf.position());
        }
        check(() -> ProofVerifier.verifyInclusion(
                proof.index(), checkpoint.size(), leaf.hash(), proof.hashes(), checkpoint.rootHash()));
        out.println("OK: event " + leaf.eventId() + " (position " + leaf.position() + ", " + leaf.aggregateType() + " "
                + leaf.aggregateId() + ") is in " + checkpoint.origin() + " at size " + checkpoint.size());
    }

    private void export(Options o) throws Failure {
        NoteVerifier key = key(o.required("key"));
        Checkpoint checkpoint = openCheckpoint(read(o.file("checkpoint")), key, List.of(), 0);
        CompactRange range = CompactRange.empty();
        try (BufferedReader lines = Files.newBufferedReader(o.file("events"), StandardCharsets.UTF_8)) {
            String line;
            while (range.size() < checkpoint.size() && (line = lines.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                EventLeaf leaf = leaf(parse(line, "line " + (range.size() + 1)));
                if (leaf.position() != range.size() + 1) {
                    throw new Failure(
                            MISMATCH, "the export skips from position " + range.size() + " to " + leaf.position());
                }
                range.append(leaf.hash());
            }
        } catch (IOException e) {
            throw new Failure(MALFORMED, "cannot read the events: " + e.getMessage());
        }
        if (range.size() < checkpoint.size()) {
            throw new Failure(
                    MISMATCH, "the export holds " + range.size() + " events, the checkpoint " + checkpoint.size());
        }
        if (!MessageDigest.isEqual(range.root(), checkpoint.rootHash())) {
            throw new Failure(MISMATCH, "the events' root is not the checkpoint's: an event was changed");
        }
        out.println("OK: the first " + checkpoint.size() + " events give the root signed by " + checkpoint.origin());
    }

    private Checkpoint openCheckpoint(String note, NoteVerifier key, List<String> witnessKeys, int quorum)
            throws Failure {
        List<NoteVerifier> witnesses = new ArrayList<>();
        for (String w : witnessKeys) {
            NoteVerifier witness = key(w);
            if (!witness.isCosigner()) {
                throw new Failure(USAGE, "--witness " + w + " is not a cosignature (type 0x04) key");
            }
            witnesses.add(witness);
        }
        SignedNote signed;
        Checkpoint checkpoint;
        try {
            signed = SignedNote.parse(note);
            checkpoint = Checkpoint.parse(signed.text());
        } catch (NoteException e) {
            throw new Failure(MALFORMED, "the checkpoint: " + e.getMessage());
        }
        if (!checkpoint.origin().equals(key.name())) {
            throw new Failure(
                    BAD_SIGNATURE, "the checkpoint is of " + checkpoint.origin() + ", the key of " + key.name());
        }
        try {
            signed.open(List.of(key));
        } catch (NoteException e) {
            throw new Failure(BAD_SIGNATURE, "the checkpoint's log signature: " + e.getMessage());
        }
        int cosigned = 0;
        for (NoteVerifier witness : witnesses) {
            try {
                Set<String> names = signed.open(List.of(witness));
                cosigned += names.size();
            } catch (NoteException e) {
                err.println("witness " + witness.name() + ": " + e.getMessage());
            }
        }
        if (cosigned < quorum) {
            throw new Failure(NO_QUORUM, cosigned + " of the witnesses cosigned, " + quorum + " needed");
        }
        return checkpoint;
    }

    /** An event file: the JSON of {@code GET /api/audit/events/{position}/leaf}, or one line of an export. */
    static EventLeaf leaf(JsonNode event) throws Failure {
        try {
            EventLeaf leaf = new EventLeaf(
                    required(event, "position").asLong(),
                    required(event, "eventId").asText(),
                    required(event, "aggregateType").asText(),
                    required(event, "aggregateId").asText(),
                    required(event, "sequence").asLong(),
                    Instant.parse(required(event, "recordedAt").asText()),
                    required(event, "payloadType").asText(),
                    event.hasNonNull("payloadRevision")
                            ? event.get("payloadRevision").asText()
                            : null,
                    MerkleHash.sha256(Base64.getDecoder()
                            .decode(required(event, "payload").asText())),
                    MerkleHash.sha256(Base64.getDecoder()
                            .decode(required(event, "metadata").asText())),
                    Base64.getDecoder().decode(required(event, "chainHash").asText()));
            leaf.encode();
            return leaf;
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw new Failure(MALFORMED, "the event: " + e.getMessage());
        }
    }

    private static JsonNode required(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("the field " + field + " is missing");
        }
        return value;
    }

    private static NoteVerifier key(String vkey) throws Failure {
        try {
            return NoteVerifier.parse(vkey);
        } catch (NoteException e) {
            throw new Failure(USAGE, "the key " + vkey + ": " + e.getMessage());
        }
    }

    private static JsonNode readJson(Path file) throws Failure {
        return parse(read(file), file.toString());
    }

    private static JsonNode parse(String json, String where) throws Failure {
        try {
            JsonNode node = JSON.readTree(json);
            if (node == null || !node.isObject()) {
                throw new Failure(MALFORMED, where + " is not a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new Failure(MALFORMED, where + " is not JSON: " + e.getMessage());
        }
    }

    private static String read(Path file) throws Failure {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Failure(MALFORMED, "cannot read " + file + ": " + e.getMessage());
        }
    }

    private interface Check {
        void run() throws InvalidProofException;
    }

    private static void check(Check check) throws Failure {
        try {
            check.run();
        } catch (InvalidProofException e) {
            throw new Failure(MISMATCH, e.getMessage());
        }
    }

    /** {@code --name value} pairs after the command; a name may repeat ({@code --witness}). */
    record Options(Map<String, List<String>> values) {

        static Options parse(String[] args) throws Failure {
            Map<String, List<String>> values = new HashMap<>();
            for (int i = 1; i < args.length; i += 2) {
                if (!args[i].startsWith("--") || i + 1 >= args.length) {
                    throw new Failure(USAGE, "options are --name value pairs: " + args[i]);
                }
                values.computeIfAbsent(args[i].substring(2), k -> new ArrayList<>())
                        .add(args[i + 1]);
            }
            return new Options(values);
        }

        String required(String name) throws Failure {
            List<String> v = values.get(name);
            if (v == null || v.isEmpty()) {
                throw new Failure(USAGE, "--" + name + " is required");
            }
            return v.get(0);
        }

        List<String> all(String name) {
            return values.getOrDefault(name, List.of());
        }

        long number(String name) throws Failure {
            String value = required(name);
            if (!value.matches("[0-9]{1,18}")) {
                throw new Failure(USAGE, "--" + name + " is a whole number from 0");
            }
            return Long.parseLong(value);
        }

        int quorum() throws Failure {
            if (!values.containsKey("quorum")) {
                return all("witness").isEmpty() ? 0 : all("witness").size();
            }
            long quorum = number("quorum");
            if (quorum > all("witness").size()) {
                throw new Failure(USAGE, "--quorum exceeds the number of --witness keys");
            }
            return (int) quorum;
        }

        Path file(String name) throws Failure {
            return Path.of(required(name));
        }

        byte[] hash(String name) throws Failure {
            byte[] hash = base64(name, required(name));
            if (hash.length != MerkleHash.LENGTH) {
                throw new Failure(USAGE, "--" + name + " is a 32-byte hash in base64");
            }
            return hash;
        }

        List<byte[]> hashes(String name) throws Failure {
            List<byte[]> hashes = new ArrayList<>();
            String value = values.containsKey(name) ? required(name) : "";
            for (String part : value.split(",", -1)) {
                if (!part.isEmpty()) {
                    hashes.add(base64(name, part));
                }
            }
            return hashes;
        }

        private static byte[] base64(String name, String value) throws Failure {
            try {
                return Base64.getDecoder().decode(value);
            } catch (IllegalArgumentException e) {
                throw new Failure(USAGE, "--" + name + " is not base64: " + e.getMessage());
            }
        }
    }
}
