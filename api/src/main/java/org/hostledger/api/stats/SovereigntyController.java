package org.hostledger.api.stats;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.query.GetSovereigntyStats;
import org.hostledger.core.query.SovereigntyStats;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Compliance and sovereignty")
public class SovereigntyController {

    private final Queries queries;
    private final ReadParams params;

    public SovereigntyController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping("/api/stats/sovereignty")
    @Operation(summary = "Decisions in force on hosts exposed to non-EU law, by controller and by activity")
    public SovereigntyStats sovereignty(
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        return queries.ask(new GetSovereigntyStats(params.timePoint(asOf, knownAt)), SovereigntyStats.class);
    }
}
