package org.hostledger.api.hosts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.query.FindHost;
import org.hostledger.core.query.HostPage;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.ListHosts;
import org.hostledger.core.query.TimePoint;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/hosts")
@Tag(name = "Hosts")
public class HostReadController {

    private final Queries queries;
    private final ReadParams params;

    public HostReadController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping
    @Operation(summary = "Hosts with their certificates, on a date (asOf) as known at an instant (knownAt)")
    public HostPage list(
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String exposure,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return queries.ask(
                new ListHosts(
                        params.text(country, "country"),
                        params.enumValue(exposure, Exposure.class, "exposure"),
                        params.text(q, "q"),
                        params.timePoint(asOf, knownAt),
                        params.page(page, size)),
                HostPage.class);
    }

    @GetMapping("/{id}")
    @Operation(summary = "One host on a date, with its parent, exposure and certificates")
    public ResponseEntity<HostView> one(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt) {
        TimePoint at = params.timePoint(asOf, knownAt);
        HostView host = queries.ask(new FindHost(RecordPaths.id(id, "host"), at), HostView.class);
        if (host == null) {
            throw new UnknownRecord("host", id);
        }
        return RecordPaths.withVersion(host, host.version(), params.isPresent(asOf, knownAt));
    }
}
