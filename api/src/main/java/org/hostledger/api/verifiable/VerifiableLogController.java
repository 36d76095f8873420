package org.hostledger.api.verifiable;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.hostledger.api.audit.AuditController;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ReadsNoView;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.note.TlogProof;
import org.hostledger.core.rule.UnknownRecord;
import org.hostledger.store.merkle.CheckpointLog;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Reads of the verifiable log. Proofs are computed from the stored subtrees for any size up to the tree's; a client
 * checks them against a signed checkpoint of that size ({@code GET /api/ledger/checkpoint}).
 */
@ReadsNoView
@RestController
@Tag(name = "Verifiable log")
public class VerifiableLogController {

    static final String TLOG_PROOF = "text/plain;charset=UTF-8";

    private final MerkleTreeReader tree;
    private final CheckpointLog checkpoints;

    private final ObjectMapper mapper;

    public VerifiableLogController(MerkleTreeReader tree, CheckpointLog checkpoints, ObjectMapper mapper) {
        this.tree = tree;
        this.checkpoints = checkpoints;
        this.mapper = mapper;
    }

    /** An inclusion proof: the leaf's hash, the proof hashes bottom up, and the root they lead to. */
    public record InclusionProof(long index, long size, String leafHash, String rootHash, List<String> proof) {}

    /** A consistency proof between two tree sizes, with both roots. */
    public record ConsistencyProof(long from, long to, String fromRoot, String toRoot, List<String> proof) {}

    /**
     * The material of one event's leaf (see {@link EventLeaf}): with it anyone recomputes the leaf hash, and with the
     * payload and metadata bytes (base64, as stored) its two hashes.
     */
    public record LeafMaterial(
            long position,
            long index,
            String eventId,
            String aggregateType,
            String aggregateId,
            long sequence,
            String recordedAt,
            String payloadType,
            String payloadRevision,
            String payload,
            String metadata,
            String chainHash,
            String leafHash) {}

    @GetMapping(value = "/api/ledger/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The latest signed checkpoint (C2SP tlog-checkpoint, a signed note), with cosignatures")
    public String checkpoint() {
        return checkpoints.latest().orElseGet(checkpoints::signLatest).note();
    }

    @GetMapping(value = "/api/ledger/verifier-key", produces = MediaType.TEXT_PLAIN_VALUE)
    @Operation(summary = "The checkpoint key as a C2SP verifier key string, name+id+key")
    public String verifierKey() {
        return checkpoints.verifierKey() + "\n";
    }

    @GetMapping("/api/ledger/proofs/inclusion")
    @Operation(summary = "The inclusion proof of leaf index (position - 1) in the tree of the given size")
    public InclusionProof inclusion(
            @RequestParam(required = false) String index, @RequestParam(required = false) String size) {
        long treeSize = size(size, "size");
        long leafIndex = number(index, "index");
        if (leafIndex >= treeSize) {
            throw FieldError.invalid("index", "must be below size (" + treeSize + ")");
        }
        List<byte[]> proof = tree.inclusion(leafIndex, treeSize);
        return new InclusionProof(
                leafIndex,
                treeSize,
                b64(tree.leaf(leafIndex)),
                b64(tree.root(treeSize)),
                proof.stream().map(VerifiableLogController::b64).toList());
    }

    @GetMapping("/api/ledger/proofs/consistency")
    @Operation(summary = "The consistency proof from one tree size to a larger one")
    public ConsistencyProof consistency(
            @RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        long toSize = size(to, "to");
        long fromSize = number(from, "from");
        if (fromSize > toSize) {
            throw FieldError.invalid("from", "must not exceed to (" + toSize + ")");
        }
        List<byte[]> proof = tree.consistency(fromSize, toSize);
        return new ConsistencyProof(
                fromSize,
                toSize,
                b64(tree.root(fromSize)),
                b64(tree.root(toSize)),
                proof.stream().map(VerifiableLogController::b64).toList());
    }

    @GetMapping(value = "/api/audit/events/{position}/proof", produces = TLOG_PROOF)
    @Operation(summary = "One event's C2SP tlog-proof: its leaf index, inclusion proof and the cosigned checkpoint")
    public String eventProof(@PathVariable String position) {
        long p = position(position);
        CheckpointLog.Stored checkpoint =
                checkpoints.latest().filter(c -> c.size() >= p).orElseGet(checkpoints::signLatest);
        if (checkpoint.size() < p) {
            throw new UnknownRecord("event", position);
        }
        long index = EventLeaf.indexOf(p);
        return new TlogProof(index, tree.inclusion(index, checkpoint.size()), null, checkpoint.note()).format();
    }

    @GetMapping("/api/audit/events/{position}/leaf")
    @Operation(summary = "The material of one event's Merkle leaf (role AUDITOR: it holds the payload)")
    public LeafMaterial leaf(@PathVariable String position) {
        long p = position(position);
        return tree.event(p)
                .map(VerifiableLogController::material)
                .orElseThrow(() -> new UnknownRecord("event", position));
    }

    @GetMapping(value = "/api/audit/leaves", produces = AuditController.NDJSON)
    @Operation(
            summary = "Every event's leaf material up to the latest signed checkpoint, as JSON Lines: the export"
                    + " that the offline verifier's export command checks against that checkpoint")
    public ResponseEntity<StreamingResponseBody> leaves() {
        CheckpointLog.Stored checkpoint = checkpoints.latest().orElseGet(checkpoints::signLatest);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            tree.events(checkpoint.size(), stored -> {
                try {
                    writer.write(mapper.writeValueAsString(material(stored)));
                    writer.write('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .header("X-Checkpoint-Size", Long.toString(checkpoint.size()))
                .contentType(MediaType.parseMediaType(AuditController.NDJSON))
                .body(body);
    }

    private static LeafMaterial material(MerkleTreeReader.StoredLeaf stored) {
        Base64.Encoder b64 = Base64.getEncoder();
        EventLeaf leaf = stored.leaf();
        return new LeafMaterial(
                leaf.position(),
                EventLeaf.indexOf(leaf.position()),
                leaf.eventId(),
                leaf.aggregateType(),
                leaf.aggregateId(),
                leaf.sequenceNumber(),
                leaf.recordedAt().toString(),
                leaf.payloadType(),
                leaf.payloadRevision(),
                b64.encodeToString(stored.payload()),
                b64.encodeToString(stored.metadata()),
                b64.encodeToString(leaf.chainHash()),
                b64.encodeToString(leaf.hash()));
    }

    private long size(String value, String field) {
        long size = number(value, field);
        long current = tree.size();
        if (size < 1 && field.equals("size")) {
            throw FieldError.invalid(field, "must be at least 1");
        }
        if (size > current) {
            throw FieldError.invalid(field, "the tree holds " + current + " events");
        }
        return size;
    }

    private static long position(String value) {
        long p = number(value, "position");
        if (p < 1) {
            throw FieldError.invalid("position", "positions start at 1");
        }
        return p;
    }

    private static long number(String value, String field) {
        if (value == null || value.isBlank()) {
            throw FieldError.invalid(field, "is required");
        }
        if (!value.matches("[0-9]{1,18}")) {
            throw FieldError.invalid(field, "a whole number from 0 is expected");
        }
        return Long.parseLong(value);
    }

    private static String b64(byte[] hash) {
        return hash == null ? null : Base64.getEncoder().encodeToString(hash);
    }
}
