package org.hostledger.api.pages;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.api.application.Queries;
import org.hostledger.api.application.registers.RegisterCatalog;
import org.hostledger.api.application.registers.RegisterFormat;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.query.CertificationPage;
import org.hostledger.core.query.DecisionPage;
import org.hostledger.core.query.HostPage;
import org.hostledger.core.query.ListCertifications;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.ListHosts;
import org.hostledger.core.query.ListRegisterEntries;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.RegisterEntryPage;
import org.hostledger.core.query.TimePoint;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /search?q=}: the box on every page. Finds hosts, certificates, decisions and register entries whose name or
 * id contains the text, whatever its case and accents, on the date asked; each kind shows its first matches and
 * leads to its full list filtered the same way.
 */
@Controller
class SearchPageController {

    /** Matches shown of each kind; the list pages show the rest. */
    static final int SHOWN = 10;

    private final Queries queries;
    private final ReadParams params;
    private final RegisterCatalog registers;

    SearchPageController(Queries queries, ReadParams params, RegisterCatalog registers) {
        this.queries = queries;
        this.params = params;
        this.registers = registers;
    }

    /** The matches of one register, with where to see them all. */
    record RegisterMatches(String id, String name, RegisterEntryPage entries, String all) {}

    @GetMapping("/search")
    String search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            Model model) {
        TimePoint at = params.timePoint(asOf, knownAt);
        String text = params.text(q, "q");
        model.addAttribute("q", text);
        model.addAttribute("at", at);
        model.addAttribute("asOf", asOf);
        model.addAttribute("knownAt", knownAt);
        if (text == null) {
            return "search";
        }
        PageRequest first = new PageRequest(0, SHOWN);
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("q", text);
        parameters.put("asOf", asOf);
        parameters.put("knownAt", knownAt);
        String query = QueryString.of(parameters);
        model.addAttribute("query", query);
        model.addAttribute("hosts", queries.ask(new ListHosts(null, null, text, at, first), HostPage.class));
        model.addAttribute(
                "certificates",
                queries.ask(new ListCertifications(null, null, null, text, at, first), CertificationPage.class));
        model.addAttribute(
                "decisions",
                queries.ask(new ListDecisions(null, null, null, null, null, text, at, first), DecisionPage.class));
        List<RegisterMatches> entries = registers.all().stream()
                .filter(r -> r.format() != RegisterFormat.TRANSFER_MAP_CSV)
                .map(r -> new RegisterMatches(
                        r.id(),
                        r.name(),
                        queries.ask(
                                new ListRegisterEntries(r.id(), null, null, text, at, first), RegisterEntryPage.class),
                        "/registers/" + r.id() + query))
                .filter(m -> m.entries().totalItems() > 0)
                .toList();
        model.addAttribute("registers", entries);
        return "search";
    }
}
