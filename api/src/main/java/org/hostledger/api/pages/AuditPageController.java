package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import org.hostledger.api.application.Queries;
import org.hostledger.api.audit.AuditParams;
import org.hostledger.api.web.ReadsNoView;
import org.hostledger.core.query.AuditPage;
import org.hostledger.core.query.ChainVerification;
import org.hostledger.core.query.ListAuditEvents;
import org.hostledger.core.query.VerifyAuditChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** {@code /audit} (role AUDITOR): the recorded events with both their times and actors, and the chain's integrity. */
@ReadsNoView
@Controller
class AuditPageController {

    static final int DEFAULT_LIMIT = 50;

    private final Queries queries;

    AuditPageController(Queries queries) {
        this.queries = queries;
    }

    /** The filters are read as the audit API reads them; {@code filter} shows them again in the form. */
    @GetMapping("/audit")
    String audit(AuditParams filter, HttpServletRequest request, Model model) {
        AuditPage events = queries.ask(
                filter.query((int) filter.limit(DEFAULT_LIMIT, ListAuditEvents.MAX_LIMIT)), AuditPage.class);
        model.addAttribute("filter", filter);
        model.addAttribute("aggregateTypes", AuditParams.AGGREGATE_TYPES);
        model.addAttribute("events", events);
        model.addAttribute(
                "next",
                events.nextAfter() == null ? null : QueryString.replacing(request, "after", events.nextAfter()));
        model.addAttribute("chain", queries.ask(new VerifyAuditChain(), ChainVerification.class));
        return "audit";
    }
}
