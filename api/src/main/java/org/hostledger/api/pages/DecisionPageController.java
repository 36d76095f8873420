package org.hostledger.api.pages;

import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.TimePoint;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /decisions/{id}}: the why of one decision, what followed it, and its compliance activity by activity. */
@Controller
class DecisionPageController {

    private final Queries queries;
    private final ReadParams params;

    DecisionPageController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping("/decisions/{id}")
    String decision(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            Model model) {
        TimePoint at = params.timePoint(asOf, knownAt);
        DecisionView decision = queries.ask(new FindDecision(RecordPaths.id(id, "decision"), at), DecisionView.class);
        if (decision == null) {
            throw new UnknownRecord("decision", id);
        }
        model.addAttribute("at", at);
        model.addAttribute("asOf", asOf);
        model.addAttribute("knownAt", knownAt);
        model.addAttribute("decision", decision);
        model.addAttribute("timeline", DecisionTimeline.of(decision));
        model.addAttribute(
                "chainDiagram",
                decision.offering() == null
                        ? null
                        : ChainDiagram.of(decision.offering().chain(), decision.activities()));
        return "decision";
    }
}
