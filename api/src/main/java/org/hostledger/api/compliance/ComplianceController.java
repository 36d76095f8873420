package org.hostledger.api.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.query.ComplianceAlerts;
import org.hostledger.core.query.ListComplianceAlerts;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Compliance and sovereignty")
public class ComplianceController {

    private final Queries queries;
    private final ReadParams params;

    public ComplianceController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping("/api/compliance/alerts")
    @Operation(summary = "Decisions in force with a gap, and certificates in use that expire within 90 days")
    public ComplianceAlerts alerts(
            @RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        return queries.ask(new ListComplianceAlerts(params.timePoint(asOf, knownAt)), ComplianceAlerts.class);
    }
}
