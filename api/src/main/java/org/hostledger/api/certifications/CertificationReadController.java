package org.hostledger.api.certifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.Csv;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.query.CertificationPage;
import org.hostledger.core.query.CertificationStatus;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.ListCertifications;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/certifications")
@Tag(name = "Certifications")
public class CertificationReadController {

    static final List<String> CSV_HEADER = List.of(
            "id",
            "hostId",
            "hostName",
            "scheme",
            "certifier",
            "validFrom",
            "validUntil",
            "activity1",
            "activity2",
            "activity3",
            "activity4",
            "activity5",
            "activity6",
            "kind",
            "referential",
            "status");

    private final Queries queries;
    private final ReadParams params;

    public CertificationReadController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping(produces = "application/json")
    @Operation(summary = "Certificates on a date (asOf) as known at an instant (knownAt)")
    public CertificationPage list(
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String activity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return queries.ask(
                new ListCertifications(
                        params.id(hostId, "hostId"),
                        params.activity(activity),
                        params.enumValue(status, CertificationStatus.class, "status"),
                        params.text(q, "q"),
                        params.timePoint(asOf, knownAt),
                        params.page(page, size)),
                CertificationPage.class);
    }

    /** The same page as CSV, one column per activity flag as the official list shows them. */
    @GetMapping(produces = "text/csv")
    @Operation(summary = "Certificates as CSV, one column per HDS activity flag")
    public ResponseEntity<String> csv(
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String activity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        CertificationPage result = list(hostId, activity, status, q, asOf, knownAt, page, size);
        StringBuilder csv = new StringBuilder(Csv.row(CSV_HEADER));
        for (CertificationView c : result.items()) {
            List<Object> row = new ArrayList<>(List.of(c.id(), c.hostId()));
            row.add(c.hostName());
            row.add(c.scheme());
            row.add(c.certifier());
            row.add(c.validFrom());
            row.add(c.validUntil());
            for (int a = 1; a <= 6; a++) {
                row.add(c.activities().contains(a) ? "X" : "");
            }
            row.add(c.kind());
            row.add(c.referential());
            row.add(c.status());
            csv.append(Csv.row(row));
        }
        return ResponseEntity.ok()
                .header("X-Total-Count", Long.toString(result.totalItems()))
                .header("Content-Type", "text/csv;charset=UTF-8")
                .body(csv.toString());
    }

    @GetMapping(value = "/{id}", produces = "application/json")
    @Operation(summary = "One certificate on a date, with its lifecycle changes")
    public ResponseEntity<CertificationView> one(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        CertificationView view = queries.ask(
                new FindCertification(RecordPaths.id(id, "certification"), params.timePoint(asOf, knownAt)),
                CertificationView.class);
        if (view == null) {
            throw new UnknownRecord("certification", id);
        }
        return RecordPaths.withVersion(view, view.version(), params.isPresent(asOf, knownAt));
    }
}
