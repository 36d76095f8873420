package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hostledger.api.application.Queries;
import org.hostledger.api.watch.ChangeLog;
import org.hostledger.api.watch.ChangesController;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.query.FindHost;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.TimePoint;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What changed: {@code /changes?from=&to=} (every change recorded or effective between two dates, grouped by record,
 * each record linked to its page) and {@code /hosts/{id}/changes} (the same about one host).
 */
@Controller
class ChangesPageController {

    /** The last day of the calendar: a host registered with any effective date is found on it. */
    private static final LocalDate END_OF_TIME = LocalDate.of(9999, 12, 30);

    private final ChangesController changes;
    private final ChangeLog log;
    private final Queries queries;
    private final ReadParams params;

    ChangesPageController(ChangesController changes, ChangeLog log, Queries queries, ReadParams params) {
        this.changes = changes;
        this.log = log;
        this.queries = queries;
        this.params = params;
    }

    @GetMapping("/changes")
    String changes(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            HttpServletRequest request,
            Model model) {
        return page(from, to, params.id(hostId, "hostId"), page, size, request, model);
    }

    @GetMapping("/hosts/{id}/changes")
    String hostChanges(
            @PathVariable String id,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            HttpServletRequest request,
            Model model) {
        return page(from, to, RecordPaths.id(id, "host"), page, size, request, model);
    }

    private String page(
            String from, String to, String hostId, String page, String size, HttpServletRequest request, Model model) {
        HostView host = null;
        if (hostId != null) {
            host = queries.ask(new FindHost(hostId, TimePoint.asKnownNow(END_OF_TIME)), HostView.class);
            if (host == null) {
                throw new UnknownRecord("host", hostId);
            }
        }
        ChangesController.Period period = changes.period(from, to);
        ChangeLog.ChangedRecordPage records =
                log.between(period.from(), period.to(), hostId, changes.zone(), params.page(page, size));
        model.addAttribute("host", host);
        model.addAttribute("period", period);
        model.addAttribute("records", records);
        model.addAttribute("paging", Paging.of(request, records.page(), records.totalPages()));
        Map<String, String> feed = new LinkedHashMap<>();
        feed.put("hostId", hostId);
        model.addAttribute("feed", "/api/feeds/changes.atom" + QueryString.of(feed));
        Map<String, String> api = new LinkedHashMap<>();
        api.put("from", period.from().toString());
        api.put("to", period.to().toString());
        api.put("hostId", hostId);
        model.addAttribute("api", "/api/changes" + QueryString.of(api));
        return "changes";
    }
}
