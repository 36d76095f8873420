package org.hostledger.api.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.query.ComplianceStatus;
import org.hostledger.core.query.DecisionPage;
import org.hostledger.core.query.DecisionSlice;
import org.hostledger.core.query.DecisionStatus;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.ListDecisionsAfter;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/decisions")
@Tag(name = "Hosting decisions")
public class DecisionReadController {

    private final Queries queries;
    private final ReadParams params;

    public DecisionReadController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping
    @Operation(
            summary = "The hosting map: who hosts what and why, on a date (asOf) as known at an instant (knownAt)",
            responses =
                    @ApiResponse(
                            responseCode = "200",
                            description = "A page ({items, page, size, totalItems}), or with after a keyset slice"
                                    + " ({items, size, nextAfter}, no total)",
                            content =
                                    @Content(
                                            mediaType = "application/json",
                                            schema = @Schema(oneOf = {DecisionPage.class, DecisionSlice.class}))))
    public Object list(
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String controller,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String compliance,
            @RequestParam(required = false) String exposure,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @Parameter(
                            description = "Read by keyset: the decisions whose id comes after this one (empty: from"
                                    + " the first), in id order, with no total; pass each answer's nextAfter to read"
                                    + " on. Not with page.")
                    @RequestParam(required = false)
                    String after) {
        if (after != null && page != null) {
            throw FieldError.invalid("page", "page and after are two ways to read on: give one of them");
        }
        ListDecisions query = new ListDecisions(
                params.id(hostId, "hostId"),
                params.text(controller, "controller"),
                params.enumValue(status, DecisionStatus.class, "status"),
                params.enumValue(compliance, ComplianceStatus.class, "compliance"),
                params.enumValue(exposure, Exposure.class, "exposure"),
                params.text(q, "q"),
                params.timePoint(asOf, knownAt),
                params.page(page, size));
        if (after != null) {
            return queries.ask(
                    ListDecisionsAfter.of(
                            query, params.id(after, "after"), query.page().size()),
                    DecisionSlice.class);
        }
        return queries.ask(query, DecisionPage.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One decision: the why, what followed, compliance and exposure")
    public ResponseEntity<DecisionView> one(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        DecisionView view = queries.ask(
                new FindDecision(RecordPaths.id(id, "decision"), params.timePoint(asOf, knownAt)), DecisionView.class);
        if (view == null) {
            throw new UnknownRecord("decision", id);
        }
        return RecordPaths.withVersion(view, view.version(), params.isPresent(asOf, knownAt));
    }
}
