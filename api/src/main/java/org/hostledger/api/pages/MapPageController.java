package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.query.ComplianceStatus;
import org.hostledger.core.query.DecisionPage;
import org.hostledger.core.query.DecisionStatus;
import org.hostledger.core.query.GetSovereigntyStats;
import org.hostledger.core.query.HostPage;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.ListHosts;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.SovereigntyStats;
import org.hostledger.core.query.TimePoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /}: the hosting map, filtered and paged, under the sovereignty counts of the same date. */
@Controller
class MapPageController {

    private final Queries queries;
    private final ReadParams params;

    MapPageController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    /** The filters as parsed, to select them again in the form. */
    record Filter(
            DecisionStatus status,
            ComplianceStatus compliance,
            Exposure exposure,
            String hostId,
            String q,
            String asOf,
            String knownAt) {}

    @GetMapping("/")
    String map(
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String compliance,
            @RequestParam(required = false) String exposure,
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            HttpServletRequest request,
            Model model) {
        TimePoint at = params.timePoint(asOf, knownAt);
        Filter filter = new Filter(
                params.enumValue(status, DecisionStatus.class, "status"),
                params.enumValue(compliance, ComplianceStatus.class, "compliance"),
                params.enumValue(exposure, Exposure.class, "exposure"),
                params.id(hostId, "hostId"),
                params.text(q, "q"),
                asOf,
                knownAt);
        DecisionPage decisions = queries.ask(
                new ListDecisions(
                        filter.hostId(),
                        null,
                        filter.status(),
                        filter.compliance(),
                        filter.exposure(),
                        filter.q(),
                        at,
                        params.page(page, size)),
                DecisionPage.class);
        List<HostView> hosts = queries
                .ask(new ListHosts(null, null, at, new PageRequest(0, PageRequest.MAX_SIZE)), HostPage.class)
                .items()
                .stream()
                .sorted(Comparator.comparing(HostView::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        model.addAttribute("at", at);
        model.addAttribute("filter", filter);
        model.addAttribute("decisions", decisions);
        model.addAttribute("paging", Paging.of(request, decisions.page(), decisions.totalPages()));
        model.addAttribute("stats", queries.ask(new GetSovereigntyStats(at), SovereigntyStats.class));
        model.addAttribute("hosts", hosts);
        model.addAttribute("statuses", DecisionStatus.values());
        model.addAttribute("compliances", ComplianceStatus.values());
        model.addAttribute("exposures", Exposure.values());
        return "map";
    }
}
