package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.api.application.Queries;
import org.hostledger.api.application.registers.RegisterCatalog;
import org.hostledger.api.application.registers.RegisterDefinition;
import org.hostledger.api.registers.RegisterController;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.query.ListRegisterChanges;
import org.hostledger.core.query.ListRegisterEntries;
import org.hostledger.core.query.ListRegisterSnapshots;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.RegisterChangePage;
import org.hostledger.core.query.RegisterEntryPage;
import org.hostledger.core.query.RegisterSnapshotPage;
import org.hostledger.core.query.TimePoint;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The official registers as pages: {@code /registers} (each register, its publisher, latest snapshot and counts) and
 * {@code /registers/{register}} (its entries on a date, filtered, and what changed between two dates), with the
 * REST reads' CSV to download and the register's Atom feed to follow.
 */
@Controller
class RegisterPageController {

    /** Changes shown a page: a month of the FedRAMP Marketplace is a few dozen. */
    static final int CHANGES_PER_PAGE = 50;

    private final RegisterController registers;
    private final RegisterCatalog catalog;
    private final Queries queries;
    private final ReadParams params;

    RegisterPageController(RegisterController registers, RegisterCatalog catalog, Queries queries, ReadParams params) {
        this.registers = registers;
        this.catalog = catalog;
        this.queries = queries;
        this.params = params;
    }

    /** A register's line on {@code /registers}: what it is, its latest snapshot, and how many snapshots in all. */
    record RegisterRow(RegisterController.RegisterSummary register, long snapshots) {}

    /** The filters as parsed, to show them again in the forms. */
    record EntryFilter(String status, String level, String q, String asOf, String knownAt) {}

    @GetMapping("/registers")
    String registers(Model model) {
        List<RegisterRow> rows = registers.registers().stream()
                .map(r -> new RegisterRow(
                        r,
                        queries.ask(
                                        new ListRegisterSnapshots(r.id(), null, new PageRequest(0, 1)),
                                        RegisterSnapshotPage.class)
                                .totalItems()))
                .toList();
        model.addAttribute("rows", rows);
        return "registers";
    }

    @GetMapping("/registers/{register}")
    String register(
            @PathVariable String register,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String changesPage,
            HttpServletRequest request,
            Model model) {
        RegisterDefinition definition = definition(register);
        TimePoint at = params.timePoint(asOf, knownAt);
        EntryFilter filter = new EntryFilter(
                params.text(status, "status"), params.text(level, "level"), params.text(q, "q"), asOf, knownAt);
        RegisterEntryPage entries = queries.ask(
                new ListRegisterEntries(
                        register, filter.status(), filter.level(), filter.q(), at, params.page(page, size)),
                RegisterEntryPage.class);
        RegisterSnapshotPage latest = queries.ask(
                new ListRegisterSnapshots(register, at.knownAt(), new PageRequest(0, 1)), RegisterSnapshotPage.class);

        LocalDate toDate = blank(to) ? at.asOf() : ReadParams.date(to, "to");
        LocalDate fromDate = blank(from) ? toDate.minusMonths(1) : ReadParams.date(from, "from");
        if (toDate.isBefore(fromDate)) {
            throw FieldError.invalid("to", "must not be before from");
        }
        PageRequest changesRequest =
                new PageRequest(params.page(changesPage, null).page(), CHANGES_PER_PAGE);
        RegisterChangePage changes = queries.ask(
                new ListRegisterChanges(register, fromDate, toDate, at.knownAt(), null, changesRequest),
                RegisterChangePage.class);
        long changePages = pages(changes.totalItems(), CHANGES_PER_PAGE);

        model.addAttribute("register", definition);
        model.addAttribute("at", at);
        model.addAttribute("filter", filter);
        model.addAttribute(
                "latest", latest.items().isEmpty() ? null : latest.items().get(0));
        model.addAttribute("snapshots", latest.totalItems());
        model.addAttribute("entries", entries);
        model.addAttribute("paging", Paging.of(request, entries.page(), pages(entries.totalItems(), entries.size())));
        model.addAttribute("from", fromDate);
        model.addAttribute("to", toDate);
        model.addAttribute("changes", changes);
        model.addAttribute(
                "changesPaging",
                new Paging(
                        changes.page(),
                        changePages,
                        changes.page() > 0 ? QueryString.replacing(request, "changesPage", changes.page() - 1) : null,
                        changes.page() + 1 < changePages
                                ? QueryString.replacing(request, "changesPage", changes.page() + 1)
                                : null));
        Map<String, String> entryQuery = new LinkedHashMap<>();
        entryQuery.put("status", filter.status());
        entryQuery.put("level", filter.level());
        entryQuery.put("q", filter.q());
        entryQuery.put("asOf", asOf);
        entryQuery.put("knownAt", knownAt);
        entryQuery.put("page", page);
        entryQuery.put("size", size);
        model.addAttribute("entriesCsv", "/registers/" + register + "/entries.csv" + QueryString.of(entryQuery));
        Map<String, String> changeQuery = new LinkedHashMap<>();
        changeQuery.put("from", fromDate.toString());
        changeQuery.put("to", toDate.toString());
        changeQuery.put("knownAt", knownAt);
        changeQuery.put("size", Integer.toString(PageRequest.MAX_SIZE));
        model.addAttribute("changesCsv", "/registers/" + register + "/changes.csv" + QueryString.of(changeQuery));
        model.addAttribute("feed", "/api/feeds/changes.atom" + QueryString.of(Map.of("register", register)));
        return "register";
    }

    /** The entries of {@code /registers/{register}} with the same filters, as the API's CSV, to download. */
    @GetMapping("/registers/{register}/entries.csv")
    ResponseEntity<String> entriesCsv(
            @PathVariable String register,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String level,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        definition(register);
        return attachment(
                registers.entriesCsv(register, status, level, q, asOf, knownAt, page, size), register + "-entries.csv");
    }

    /** The changes between two dates, as the API's CSV, to download. */
    @GetMapping("/registers/{register}/changes.csv")
    ResponseEntity<String> changesCsv(
            @PathVariable String register,
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        definition(register);
        return attachment(
                registers.changesCsv(register, from, to, knownAt, null, page, size), register + "-changes.csv");
    }

    static ResponseEntity<String> attachment(ResponseEntity<String> csv, String fileName) {
        return ResponseEntity.ok()
                .headers(csv.getHeaders())
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .body(csv.getBody());
    }

    private RegisterDefinition definition(String register) {
        return catalog.find(register).orElseThrow(() -> new UnknownRecord("register", register));
    }

    static long pages(long items, int size) {
        return (items + size - 1) / size;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
