package org.hostledger.api.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.hostledger.api.application.Queries;
import org.hostledger.api.verifiable.LedgerVerification;
import org.hostledger.api.web.Csv;
import org.hostledger.api.web.ReadsNoView;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.AuditPage;
import org.hostledger.core.query.ChainVerification;
import org.hostledger.core.query.ListAuditEvents;
import org.hostledger.core.query.VerifyAuditChain;
import org.hostledger.core.rule.UnknownRecord;
import org.hostledger.store.audit.AuditTrail;
import org.hostledger.store.merkle.CheckpointPublisher;
import org.hostledger.store.merkle.MerkleVerifier;
import org.springdoc.core.annotations.ParameterObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The audit trail for auditors: pages of JSON, or the whole trail streamed as JSON Lines or CSV; per-record
 * histories; and the check of the hash chain.
 */
@ReadsNoView
@RestController
@Tag(name = "Audit")
public class AuditController {

    public static final String NDJSON = "application/x-ndjson";
    static final int DEFAULT_PAGE = 100;
    /**
     * The most events this export holds: an export stops there, and the client continues with {@code after} = the
     * last position it received.
     */
    static final String EXPORT_LIMIT = "X-Export-Limit";

    static final List<String> CSV_HEADER = List.of(
            "position",
            "eventId",
            "aggregateType",
            "aggregateId",
            "sequence",
            "type",
            "effectiveOn",
            "recordedAt",
            "actor",
            "correlationId",
            "sources",
            "payload");

    private final Queries queries;
    private final AuditTrail trail;
    private final KnownRecords knownRecords;
    private final ObjectMapper mapper;
    private final long maxExport;
    private final MerkleVerifier merkleVerifier;
    private final CheckpointPublisher checkpointPublisher;

    public AuditController(
            Queries queries,
            AuditTrail trail,
            KnownRecords knownRecords,
            ObjectMapper mapper,
            MerkleVerifier merkleVerifier,
            CheckpointPublisher checkpointPublisher,
            @Value("${hostledger.audit.max-export:1000000}") long maxExport) {
        this.merkleVerifier = merkleVerifier;
        this.checkpointPublisher = checkpointPublisher;
        this.queries = queries;
        this.trail = trail;
        this.knownRecords = knownRecords;
        this.mapper = mapper;
        this.maxExport = maxExport;
    }

    @GetMapping(value = "/api/audit/events", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A page of the audit trail in global order; pass nextAfter as after for the next page")
    public AuditPage events(@ParameterObject AuditParams params) {
        return queries.ask(params.query((int) params.limit(DEFAULT_PAGE, ListAuditEvents.MAX_LIMIT)), AuditPage.class);
    }

    @GetMapping(value = "/api/audit/events", produces = NDJSON)
    @Operation(summary = "The audit trail streamed as JSON Lines, one event a line")
    public ResponseEntity<StreamingResponseBody> eventsAsJsonLines(@ParameterObject AuditParams params) {
        ListAuditEvents filter = params.query(0);
        long max = params.limit(maxExport, maxExport);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            trail.export(filter, max, event -> {
                writer.write(mapper.writeValueAsString(event));
                writer.write('\n');
            });
            writer.flush();
        };
        return ResponseEntity.ok()
                .header(EXPORT_LIMIT, Long.toString(max))
                .contentType(MediaType.parseMediaType(NDJSON))
                .body(body);
    }

    @GetMapping(value = "/api/audit/events", produces = "text/csv")
    @Operation(summary = "The audit trail streamed as CSV with a header row, one event a row")
    public ResponseEntity<StreamingResponseBody> eventsAsCsv(@ParameterObject AuditParams params) {
        ListAuditEvents filter = params.query(0);
        long max = params.limit(maxExport, maxExport);
        StreamingResponseBody body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            writer.write(Csv.row(CSV_HEADER));
            trail.export(
                    filter,
                    max,
                    event -> writer.write(Csv.row(List.of(
                            event.position(),
                            event.eventId(),
                            event.aggregateType(),
                            event.aggregateId(),
                            event.sequence(),
                            event.type(),
                            String.valueOf(event.effectiveOn()),
                            event.recordedAt().toString(),
                            nullToEmpty(event.actor()),
                            nullToEmpty(event.correlationId()),
                            event.sources().stream().map(SourceNote::title).collect(Collectors.joining(" | ")),
                            event.payload()))));
            writer.flush();
        };
        return ResponseEntity.ok()
                .header(EXPORT_LIMIT, Long.toString(max))
                .contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .body(body);
    }

    @GetMapping("/api/audit/verify")
    @Operation(
            summary = "Recompute the hash chain and the Merkle tree: intact, how many events checked, the first broken"
                    + " position, the tree against the latest signed checkpoint, rolled-back events")
    public LedgerVerification verify() {
        ChainVerification chain = queries.ask(new VerifyAuditChain(), ChainVerification.class);
        return LedgerVerification.of(chain, merkleVerifier.verify(), checkpointPublisher.witnessedRollback());
    }

    @GetMapping("/api/hosts/{id}/history")
    @Operation(summary = "Every event of one host, in order")
    public AuditPage hostHistory(
            @PathVariable String id,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        return history(RecordKind.HOST, id, after, limit);
    }

    @GetMapping("/api/certifications/{id}/history")
    @Operation(summary = "Every event of one certificate, in order")
    public AuditPage certificationHistory(
            @PathVariable String id,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        return history(RecordKind.CERTIFICATION, id, after, limit);
    }

    @GetMapping("/api/decisions/{id}/history")
    @Operation(summary = "Every event of one hosting decision, in order")
    public AuditPage decisionHistory(
            @PathVariable String id,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        return history(RecordKind.DECISION, id, after, limit);
    }

    @GetMapping("/api/offerings/{id}/history")
    @Operation(summary = "Every event of one offering, in order: added, chain changed, removed, corrected")
    public AuditPage offeringHistory(
            @PathVariable String id,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit) {
        return history(RecordKind.OFFERING, id, after, limit);
    }

    private AuditPage history(RecordKind kind, String id, String after, String limit) {
        if (!org.hostledger.core.model.LedgerIds.isValid(id) || !knownRecords.holds(id, kind)) {
            throw new UnknownRecord(kind.label(), id);
        }
        AuditParams filter = new AuditParams(id, kind.aggregateType(), null, null, null, null, after, limit);
        return queries.ask(
                filter.query((int) filter.limit(ListAuditEvents.MAX_LIMIT, ListAuditEvents.MAX_LIMIT)),
                AuditPage.class);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
