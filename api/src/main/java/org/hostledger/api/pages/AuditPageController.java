package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.query.AuditPage;
import org.hostledger.core.query.ChainVerification;
import org.hostledger.core.query.ListAuditEvents;
import org.hostledger.core.query.VerifyAuditChain;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /audit} (role AUDITOR): the recorded events with both their times and actors, and the chain's integrity. */
@Controller
class AuditPageController {

    static final int DEFAULT_LIMIT = 50;
    static final List<String> AGGREGATE_TYPES = List.of("Host", "Certification", "HostingDecision");

    private final Queries queries;
    private final ReadParams params;

    AuditPageController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    /** The filters as typed, to show them again in the form. */
    record Filter(
            String aggregateId, String aggregateType, String type, String actor, String recordedFrom,
            String recordedTo) {}

    @GetMapping("/audit")
    String audit(
            @RequestParam(required = false) String aggregateId,
            @RequestParam(required = false) String aggregateType,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String recordedFrom,
            @RequestParam(required = false) String recordedTo,
            @RequestParam(required = false) String after,
            @RequestParam(required = false) String limit,
            HttpServletRequest request,
            Model model) {
        ListAuditEvents query = new ListAuditEvents(
                params.id(aggregateId, "aggregateId"),
                aggregateType(aggregateType),
                params.text(type, "type"),
                params.text(actor, "actor"),
                instant(recordedFrom, "recordedFrom"),
                instant(recordedTo, "recordedTo"),
                number(after, "after", 0, 0, Long.MAX_VALUE),
                (int) number(limit, "limit", DEFAULT_LIMIT, 1, ListAuditEvents.MAX_LIMIT));
        AuditPage events = queries.ask(query, AuditPage.class);
        model.addAttribute("filter", new Filter(aggregateId, aggregateType, type, actor, recordedFrom, recordedTo));
        model.addAttribute("aggregateTypes", AGGREGATE_TYPES);
        model.addAttribute("events", events);
        model.addAttribute("next",
                events.nextAfter() == null ? null : QueryString.replacing(request, "after", events.nextAfter()));
        model.addAttribute("chain", queries.ask(new VerifyAuditChain(), ChainVerification.class));
        return "audit";
    }

    private static String aggregateType(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!AGGREGATE_TYPES.contains(value)) {
            throw FieldError.invalid("aggregateType", "must be one of " + AGGREGATE_TYPES);
        }
        return value;
    }

    private static Instant instant(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return ReadParams.instant(value);
        } catch (FieldError e) {
            // ReadParams names its instants knownAt; the form's field has its own name.
            throw FieldError.invalid(name, "must be an ISO-8601 instant such as 2021-01-01T00:00:00Z or a date");
        }
    }

    private static long number(String value, String name, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            long number = Long.parseLong(value.trim());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, like an out-of-range number
        }
        throw FieldError.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
