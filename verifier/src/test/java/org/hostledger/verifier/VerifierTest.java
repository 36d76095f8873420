package org.hostledger.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hostledger.core.merkle.CompactRange;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.MerkleHash;
import org.hostledger.core.merkle.MerkleProofs;
import org.hostledger.core.merkle.NodeId;
import org.hostledger.core.note.Checkpoint;
import org.hostledger.core.note.NoteException;
import org.hostledger.core.note.NoteSigner;
import org.hostledger.core.note.TlogProof;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command-line verifier run on a small log built here: each command, and each failure with its exit code. */
class VerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getEncoder();
    private static final int EVENTS = 11;

    @TempDir
    Path dir;

    private final NoteSigner log = NoteSigner.generate("example.org/ledger");
    private final NoteSigner witness = NoteSigner.generateCosigner("example.org/witness");
    private final List<ObjectNode> events = new ArrayList<>();
    private final List<byte[]> leaves = new ArrayList<>();
    private final Map<NodeId, byte[]> nodes = new HashMap<>();
    private final CompactRange range = CompactRange.empty();
    private String out;
    private String err;

    VerifierTest() throws NoteException {
        for (int p = 1; p <= EVENTS; p++) {
            ObjectNode event = JSON.createObjectNode();
            byte[] payload = ("{\"n\":" + p + "}").getBytes(StandardCharsets.UTF_8);
            byte[] metadata = "{\"actor\":\"admin\"}".getBytes(StandardCharsets.UTF_8);
            event.put("position", p);
            event.put("eventId", "event-" + p);
            event.put("aggregateType", "Host");
            event.put("aggregateId", "host-" + p);
            event.put("sequence", 0);
            event.put(
                    "recordedAt",
                    Instant.parse("2026-01-01T00:00:00Z").plusSeconds(p).toString());
            event.put("payloadType", "org.hostledger.core.event.HostRegistered");
            event.put("payload", B64.encodeToString(payload));
            event.put("metadata", B64.encodeToString(metadata));
            event.put("chainHash", B64.encodeToString(MerkleHash.sha256(payload)));
            events.add(event);
            byte[] leaf = new EventLeaf(
                            p,
                            "event-" + p,
                            "Host",
                            "host-" + p,
                            0,
                            Instant.parse(event.get("recordedAt").asText()),
                            "org.hostledger.core.event.HostRegistered",
                            null,
                            MerkleHash.sha256(payload),
                            MerkleHash.sha256(metadata),
                            MerkleHash.sha256(payload))
                    .hash();
            leaves.add(leaf);
            range.append(leaf).forEach(n -> nodes.put(n.id(), n.hash()));
        }
    }

    private int run(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = new Verifier(
                        new PrintStream(o, true, StandardCharsets.UTF_8),
                        new PrintStream(e, true, StandardCharsets.UTF_8))
                .run(args);
        out = o.toString(StandardCharsets.UTF_8);
        err = e.toString(StandardCharsets.UTF_8);
        return code;
    }

    private String checkpointNote(boolean cosigned) throws NoteException {
        String body = new Checkpoint(log.name(), EVENTS, range.root()).format();
        return log.sign(body) + (cosigned ? witness.cosignatureLine(body, 1_780_000_000L) : "");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }

    private String proofs(List<byte[]> hashes) {
        return hashes.stream().map(B64::encodeToString).collect(Collectors.joining(","));
    }

    @Test
    void inclusionAndItsFailures() {
        List<byte[]> proof = MerkleProofs.inclusion(4, EVENTS, nodes::get);
        String root = B64.encodeToString(range.root());
        String leaf = B64.encodeToString(leaves.get(4));
        assertThat(run(
                        "inclusion",
                        "--index",
                        "4",
                        "--size",
                        "11",
                        "--leaf-hash",
                        leaf,
                        "--root",
                        root,
                        "--proof",
                        proofs(proof)))
                .as(err)
                .isEqualTo(Verifier.OK);
        assertThat(out).startsWith("OK");
        assertThat(run(
                        "inclusion",
                        "--index",
                        "4",
                        "--size",
                        "22",
                        "--leaf-hash",
                        leaf,
                        "--root",
                        root,
                        "--proof",
                        proofs(proof)))
                .as("a doubled tree size is refused")
                .isEqualTo(Verifier.MISMATCH);
        assertThat(run(
                        "inclusion",
                        "--index",
                        "5",
                        "--size",
                        "11",
                        "--leaf-hash",
                        leaf,
                        "--root",
                        root,
                        "--proof",
                        proofs(proof)))
                .isEqualTo(Verifier.MISMATCH);
        assertThat(run("inclusion", "--index", "x", "--size", "11")).isEqualTo(Verifier.USAGE);
        assertThat(run("nonsense")).isEqualTo(Verifier.USAGE);
    }

    @Test
    void consistencyAndItsFailures() {
        CompactRange five = CompactRange.empty();
        leaves.subList(0, 5).forEach(five::append);
        List<byte[]> proof = MerkleProofs.consistency(5, EVENTS, nodes::get);
        String oldRoot = B64.encodeToString(five.root());
        String newRoot = B64.encodeToString(range.root());
        assertThat(run(
                        "consistency",
                        "--from",
                        "5",
                        "--to",
                        "11",
                        "--old-root",
                        oldRoot,
                        "--new-root",
                        newRoot,
                        "--proof",
                        proofs(proof)))
                .as(err)
                .isEqualTo(Verifier.OK);
        assertThat(run(
                        "consistency",
                        "--from",
                        "5",
                        "--to",
                        "11",
                        "--old-root",
                        newRoot,
                        "--new-root",
                        newRoot,
                        "--proof",
                        proofs(proof)))
                .isEqualTo(Verifier.MISMATCH);
    }

    @Test
    void anEventAgainstItsTlogProofWithAWitnessQuorum() throws Exception {
        String note = checkpointNote(true);
        Path proof = write(
                "e.tlog-proof", new TlogProof(6, MerkleProofs.inclusion(6, EVENTS, nodes::get), null, note).format());
        Path event = write("e.json", events.get(6).toString());
        String key = log.verifier().toString();
        String witnessKey = witness.verifier().toString();
        assertThat(run(
                        "proof",
                        "--event",
                        event.toString(),
                        "--proof",
                        proof.toString(),
                        "--key",
                        key,
                        "--witness",
                        witnessKey,
                        "--quorum",
                        "1"))
                .as(err)
                .isEqualTo(Verifier.OK);
        assertThat(out).contains("event-7").contains("position 7");

        // Another event, the same proof: not included there.
        Path other = write("other.json", events.get(5).toString());
        assertThat(run("proof", "--event", other.toString(), "--proof", proof.toString(), "--key", key))
                .isEqualTo(Verifier.MISMATCH);

        // An edited payload changes the leaf.
        ObjectNode edited = events.get(6).deepCopy();
        edited.put("payload", B64.encodeToString("{\"n\":700}".getBytes(StandardCharsets.UTF_8)));
        Path forged = write("forged.json", edited.toString());
        assertThat(run("proof", "--event", forged.toString(), "--proof", proof.toString(), "--key", key))
                .isEqualTo(Verifier.MISMATCH);

        // Another log's key.
        String stranger = NoteSigner.generate("example.org/ledger").verifier().toString();
        assertThat(run("proof", "--event", event.toString(), "--proof", proof.toString(), "--key", stranger))
                .isEqualTo(Verifier.BAD_SIGNATURE);

        // A witness that did not cosign.
        Path bare = write(
                "bare.tlog-proof",
                new TlogProof(6, MerkleProofs.inclusion(6, EVENTS, nodes::get), null, checkpointNote(false)).format());
        assertThat(run(
                        "proof",
                        "--event",
                        event.toString(),
                        "--proof",
                        bare.toString(),
                        "--key",
                        key,
                        "--witness",
                        witnessKey))
                .isEqualTo(Verifier.NO_QUORUM);

        // Not a proof file.
        Path garbage = write("garbage", "hello\n");
        assertThat(run("proof", "--event", event.toString(), "--proof", garbage.toString(), "--key", key))
                .isEqualTo(Verifier.MALFORMED);
    }

    @Test
    void anExportRecomputesTheSignedRoot() throws Exception {
        Path checkpoint = write("checkpoint", checkpointNote(false));
        String key = log.verifier().toString();
        String all = events.stream().map(ObjectNode::toString).collect(Collectors.joining("\n", "", "\n"));
        Path export = write("events.ndjson", all);
        assertThat(run("export", "--events", export.toString(), "--checkpoint", checkpoint.toString(), "--key", key))
                .as(err)
                .isEqualTo(Verifier.OK);

        ObjectNode edited = events.get(2).deepCopy();
        edited.put("aggregateId", "someone-else");
        List<String> lines =
                new ArrayList<>(events.stream().map(ObjectNode::toString).toList());
        lines.set(2, edited.toString());
        Path forged = write("forged.ndjson", String.join("\n", lines) + "\n");
        assertThat(run("export", "--events", forged.toString(), "--checkpoint", checkpoint.toString(), "--key", key))
                .isEqualTo(Verifier.MISMATCH);

        Path truncated = write("short.ndjson", String.join("\n", lines.subList(0, 9)) + "\n");
        assertThat(run("export", "--events", truncated.toString(), "--checkpoint", checkpoint.toString(), "--key", key))
                .isEqualTo(Verifier.MISMATCH);
        assertThat(err).contains("holds 9 events");
    }
}
