package org.hostledger.api.compliance;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.hostledger.api.alerts.AlertProperties;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.alert.AlertKind;
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
    private final AlertProperties alerts;

    public ComplianceController(Queries queries, ReadParams params, AlertProperties alerts) {
        this.queries = queries;
        this.params = params;
        this.alerts = alerts;
    }

    @GetMapping("/api/compliance/alerts")
    @Operation(
            summary = "Decisions in force with a gap and certificates in use that expire within the alert horizon"
                    + " (hostledger.alerts.horizon-days), on a date as known at an instant; and a page of the"
                    + " alerts recorded as events (items, latest first), filtered by kind, hostId, recordId")
    public ComplianceAlerts alerts(
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String recordId,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        AlertKind alertKind = params.enumValue(kind, AlertKind.class, "kind");
        return queries.ask(
                new ListComplianceAlerts(
                        params.timePoint(asOf, knownAt),
                        alerts.getHorizonDays(),
                        params.page(page, size),
                        alertKind == null ? null : alertKind.name(),
                        params.id(hostId, "hostId"),
                        params.text(recordId, "recordId")),
                ComplianceAlerts.class);
    }
}
