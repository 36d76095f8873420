package org.hostledger.api.registers;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.hostledger.api.application.Queries;
import org.hostledger.api.application.registers.RegisterDefinition;
import org.hostledger.api.application.registers.RegisterImporter;
import org.hostledger.api.application.registers.SnapshotImport;
import org.hostledger.api.application.registers.SnapshotRefused;
import org.hostledger.api.application.registers.SnapshotUnreadable;
import org.hostledger.api.web.ActorResolver;
import org.hostledger.api.web.Csv;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.query.ListRegisterChanges;
import org.hostledger.core.query.ListRegisterEntries;
import org.hostledger.core.query.ListRegisterFindings;
import org.hostledger.core.query.ListRegisterSnapshots;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.RegisterChangePage;
import org.hostledger.core.query.RegisterEntryPage;
import org.hostledger.core.query.RegisterFindingPage;
import org.hostledger.core.query.RegisterSnapshotPage;
import org.hostledger.core.query.RegisterSnapshotView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/registers")
@Tag(name = "Registers")
public class RegisterController {

    static final List<String> ENTRY_CSV_HEADER = List.of(
            "entryId",
            "certificationId",
            "hostId",
            "name",
            "provider",
            "status",
            "stage",
            "level",
            "assessor",
            "listed",
            "firstListedOn",
            "lastSeenIn");

    static final List<String> CHANGE_CSV_HEADER = List.of(
            "entryId", "kind", "before", "after", "effectiveOn", "publishedAt", "sha256", "recordedAt", "position");

    private final RegisterImporter importer;
    private final org.hostledger.api.application.registers.RegisterCatalog catalog;
    private final Queries queries;
    private final ReadParams params;
    private final ActorResolver actors;
    private final Clock clock;
    private final long maxBytes;

    public RegisterController(
            RegisterImporter importer,
            org.hostledger.api.application.registers.RegisterCatalog catalog,
            Queries queries,
            ReadParams params,
            ActorResolver actors,
            Clock clock,
            @Value("${hostledger.registers.max-snapshot-bytes:33554432}") long maxBytes) {
        this.importer = importer;
        this.catalog = catalog;
        this.queries = queries;
        this.params = params;
        this.actors = actors;
        this.clock = clock;
        this.maxBytes = maxBytes;
    }

    /** A register and its latest imported snapshot. */
    public record RegisterSummary(
            String id,
            String name,
            String publisher,
            String format,
            String scheme,
            String homePage,
            RegisterSnapshotView latestSnapshot) {}

    @GetMapping(produces = "application/json")
    @Operation(summary = "The registers this ledger imports, each with its latest snapshot")
    public List<RegisterSummary> registers() {
        List<RegisterSummary> all = new ArrayList<>();
        for (RegisterDefinition r : importerRegisters()) {
            RegisterSnapshotPage latest = queries.ask(
                    new ListRegisterSnapshots(r.id(), null, new PageRequest(0, 1)), RegisterSnapshotPage.class);
            all.add(new RegisterSummary(
                    r.id(),
                    r.name(),
                    r.publisher(),
                    r.format().name(),
                    r.scheme(),
                    r.homePage(),
                    latest.items().isEmpty() ? null : latest.items().get(0)));
        }
        return all;
    }

    private java.util.Collection<RegisterDefinition> importerRegisters() {
        return catalog.all();
    }

    @PostMapping("/{register}/snapshots")
    @Operation(
            summary = "Import a snapshot of the register as published (JSON or CSV; gzip with Content-Encoding)",
            description = "201 with what the import recorded; the same file again 200 with duplicate: true")
    public ResponseEntity<SnapshotImport> importSnapshot(
            @PathVariable String register,
            @RequestParam(required = false) String publishedAt,
            @RequestParam(required = false) String url,
            HttpServletRequest request)
            throws IOException {
        importer.register(register);
        if (publishedAt == null || publishedAt.isBlank()) {
            throw FieldError.invalid("publishedAt", "publishedAt (the snapshot's publication instant) is required");
        }
        Instant published = ReadParams.instant(publishedAt);
        if (published.isAfter(clock.instant())) {
            throw FieldError.invalid("publishedAt", "must not be in the future");
        }
        String source = params.text(url, "url");
        byte[] file = body(request);
        SnapshotImport result = importer.importSnapshot(register, file, published, source, actors.currentActor());
        if (result.duplicate()) {
            return ResponseEntity.ok(result);
        }
        URI location = URI.create("/api/registers/" + register + "/snapshots");
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(location)
                .header("X-Ledger-Position", Long.toString(result.positionTo()))
                .body(result);
    }

    /** The file as published: the body, decompressed when sent with {@code Content-Encoding: gzip}. */
    private byte[] body(HttpServletRequest request) throws IOException {
        String encoding = request.getHeader("Content-Encoding");
        InputStream in = request.getInputStream();
        if (encoding != null && !encoding.isBlank() && !encoding.trim().equalsIgnoreCase("identity")) {
            if (!encoding.trim().equalsIgnoreCase("gzip")) {
                throw FieldError.invalid("Content-Encoding", "only gzip is understood, not " + encoding);
            }
            PushbackInputStream first = new PushbackInputStream(in, 1);
            int b = first.read();
            if (b < 0) {
                // No bytes at all: an empty snapshot, refused by the importer as a plain empty body is (GZIPInputStream
                // would report it as an EOFException without a message).
                return new byte[0];
            }
            first.unread(b);
            try {
                in = new GZIPInputStream(first);
            } catch (java.io.EOFException e) {
                throw new SnapshotUnreadable("gzip", "the gzip body ends within its 10-byte header");
            } catch (ZipException e) {
                throw new SnapshotUnreadable("gzip", "the body is not gzip: " + e.getMessage());
            }
        }
        try {
            byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            if (bytes.length > maxBytes) {
                throw new SnapshotRefused(
                        SnapshotRefused.Reason.TOO_LARGE,
                        "the snapshot is larger than " + maxBytes + " bytes (hostledger.registers.max-snapshot-bytes)",
                        null);
            }
            return bytes;
        } catch (ZipException | java.io.EOFException e) {
            throw new SnapshotUnreadable(
                    "gzip",
                    "the gzip body is damaged or truncated: "
                            + (e.getMessage() == null ? "it ends too early" : e.getMessage()));
        }
    }

    @GetMapping(path = "/{register}/snapshots", produces = "application/json")
    @Operation(summary = "The register's imported snapshots, latest first")
    public RegisterSnapshotPage snapshots(
            @PathVariable String register,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        importer.register(register);
        return queries.ask(
                new ListRegisterSnapshots(
                        register, knownAt == null ? null : ReadParams.instant(knownAt), params.page(page, size)),
                RegisterSnapshotPage.class);
    }

    @GetMapping(path = "/{register}/entries", produces = "application/json")
    @Operation(summary = "The register's entries on a date (asOf) as known at an instant (knownAt)")
    public RegisterEntryPage entries(
            @PathVariable String register,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        importer.register(register);
        return queries.ask(
                new ListRegisterEntries(
                        register,
                        params.text(status, "status"),
                        params.text(level, "level"),
                        params.text(q, "q"),
                        params.timePoint(asOf, knownAt),
                        params.page(page, size)),
                RegisterEntryPage.class);
    }

    @GetMapping(path = "/{register}/entries", produces = "text/csv")
    @Operation(summary = "The same entries as CSV")
    public ResponseEntity<String> entriesCsv(
            @PathVariable String register,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        RegisterEntryPage result = entries(register, status, level, q, asOf, knownAt, page, size);
        return csvPage(
                ENTRY_CSV_HEADER,
                result.items(),
                result.totalItems(),
                e -> java.util.Arrays.asList(
                        e.entryId(),
                        e.certificationId(),
                        e.hostId(),
                        e.name(),
                        e.provider(),
                        e.status(),
                        e.stage(),
                        e.level(),
                        e.assessor(),
                        e.listed(),
                        e.firstListedOn(),
                        e.lastSeenIn()));
    }

    @GetMapping(path = "/{register}/changes", produces = "application/json")
    @Operation(summary = "What changed in the register between two dates (effective dates, both included)")
    public RegisterChangePage changes(
            @PathVariable String register,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String sha256,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        importer.register(register);
        LocalDate fromDate = from == null ? null : ReadParams.date(from, "from");
        LocalDate toDate = to == null ? null : ReadParams.date(to, "to");
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw FieldError.invalid("to", "must not be before from");
        }
        return queries.ask(
                new ListRegisterChanges(
                        register,
                        fromDate,
                        toDate,
                        knownAt == null ? null : ReadParams.instant(knownAt),
                        params.text(sha256, "sha256"),
                        params.page(page, size)),
                RegisterChangePage.class);
    }

    @GetMapping(path = "/{register}/changes", produces = "text/csv")
    @Operation(summary = "The same changes as CSV")
    public ResponseEntity<String> changesCsv(
            @PathVariable String register,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String sha256,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        RegisterChangePage result = changes(register, from, to, knownAt, sha256, page, size);
        return csvPage(
                CHANGE_CSV_HEADER,
                result.items(),
                result.totalItems(),
                c -> java.util.Arrays.asList(
                        c.entryId(),
                        c.kind(),
                        c.before(),
                        c.after(),
                        c.effectiveOn(),
                        c.publishedAt(),
                        c.sha256(),
                        c.recordedAt(),
                        c.position()));
    }

    /** A page of a view as CSV: the header, one row per item, and the selection's total in a header. */
    private static <T> ResponseEntity<String> csvPage(
            List<String> header, List<T> items, long total, java.util.function.Function<T, List<?>> row) {
        StringBuilder csv = new StringBuilder(Csv.row(header));
        for (T item : items) {
            csv.append(Csv.row(row.apply(item)));
        }
        return ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(total))
                .header("Content-Type", "text/csv;charset=UTF-8")
                .body(csv.toString());
    }

    @GetMapping(path = "/{register}/findings", produces = "application/json")
    @Operation(summary = "Values of the register's snapshots that could not be read as what their field says")
    public RegisterFindingPage findings(
            @PathVariable String register,
            @RequestParam(required = false) String publishedAt,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        importer.register(register);
        return queries.ask(
                new ListRegisterFindings(
                        register,
                        publishedAt == null ? null : ReadParams.instant(publishedAt),
                        params.text(kind, "kind"),
                        params.page(page, size)),
                RegisterFindingPage.class);
    }
}
