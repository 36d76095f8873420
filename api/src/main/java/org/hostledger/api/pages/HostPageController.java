package org.hostledger.api.pages;

import java.util.List;
import java.util.Objects;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.model.HdsActivity;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.DecisionPage;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.FindHost;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.ListOfferings;
import org.hostledger.core.query.OfferingList;
import org.hostledger.core.query.OfferingView;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.TimePoint;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /hosts/{id}}: a host, its parent and exposure, its certificates over time, and the decisions it serves. */
@Controller
class HostPageController {

    private final Queries queries;
    private final ReadParams params;

    HostPageController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping("/hosts/{id}")
    String host(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            Model model) {
        TimePoint at = params.timePoint(asOf, knownAt);
        HostView host = queries.ask(new FindHost(RecordPaths.id(id, "host"), at), HostView.class);
        if (host == null) {
            throw new UnknownRecord("host", id);
        }
        // A host's list carries certificates without their lifecycle; each one's own read has the suspensions,
        // reinstatements, withdrawals and renewals the drawing marks.
        List<CertificationView> certificates = host.certifications().stream()
                .map(c -> queries.ask(new FindCertification(c.id(), at), CertificationView.class))
                .filter(Objects::nonNull)
                .toList();
        DecisionPage decisions = queries.ask(
                new ListDecisions(host.id(), null, null, null, null, at, new PageRequest(0, PageRequest.MAX_SIZE)),
                DecisionPage.class);
        model.addAttribute("at", at);
        model.addAttribute("asOf", asOf);
        model.addAttribute("knownAt", knownAt);
        model.addAttribute("host", host);
        model.addAttribute("certificates", certificates);
        model.addAttribute("timeline", CertificateTimeline.of(certificates, at.asOf()));
        model.addAttribute("decisions", decisions);
        model.addAttribute("activities", HdsActivity.values());
        OfferingList offerings = queries.ask(new ListOfferings(host.id(), null, false, at), OfferingList.class);
        model.addAttribute(
                "offerings",
                offerings.items().stream()
                        .map(o -> new OfferingDiagram(o, ChainDiagram.of(o.chain(), null)))
                        .toList());
        return "host";
    }

    /** One offering of the host with the drawing of its chain. */
    record OfferingDiagram(OfferingView offering, ChainDiagram diagram) {}
}
