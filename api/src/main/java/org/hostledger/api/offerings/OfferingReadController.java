package org.hostledger.api.offerings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.query.FindOffering;
import org.hostledger.core.query.ListOfferings;
import org.hostledger.core.query.OfferingList;
import org.hostledger.core.query.OfferingView;
import org.hostledger.core.query.TimePoint;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The offerings of a host and the chain behind each, on a date (asOf) as known at an instant (knownAt). */
@RestController
@Tag(name = "Offerings")
public class OfferingReadController {

    private final Queries queries;
    private final ReadParams params;

    public OfferingReadController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping("/api/hosts/{id}/offerings")
    @Operation(summary = "The offerings a host published, each with its chain, on a date as known at an instant")
    public OfferingList ofHost(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        return queries.ask(
                new ListOfferings(RecordPaths.id(id, "host"), null, false, params.timePoint(asOf, knownAt)),
                OfferingList.class);
    }

    @GetMapping("/api/offerings/{id}")
    @Operation(summary = "One offering and the chain behind it: actors, roles, HDS status, requirements 29 and 30")
    public OfferingView one(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        TimePoint at = params.timePoint(asOf, knownAt);
        OfferingView offering = queries.ask(new FindOffering(RecordPaths.id(id, "offering"), at), OfferingView.class);
        if (offering == null) {
            throw new UnknownRecord("offering", id);
        }
        return offering;
    }
}
