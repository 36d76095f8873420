package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Comparator;
import java.util.List;
import org.hostledger.api.application.Queries;
import org.hostledger.api.certifications.CertificationReadController;
import org.hostledger.api.web.ReadParams;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.model.HdsActivity;
import org.hostledger.core.query.CertificationPage;
import org.hostledger.core.query.CertificationStatus;
import org.hostledger.core.query.DecisionPage;
import org.hostledger.core.query.HostPage;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.ListCertifications;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.ListHosts;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.TimePoint;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The registry as the official lists show it: {@code /certifications} (every certificate on a date, filtered, with
 * its CSV) and {@code /hosts} (every host with its country, parent, exposure, certificates and decisions).
 */
@Controller
class RegistryPageController {

    private final Queries queries;
    private final ReadParams params;
    private final CertificationReadController certifications;

    RegistryPageController(Queries queries, ReadParams params, CertificationReadController certifications) {
        this.queries = queries;
        this.params = params;
        this.certifications = certifications;
    }

    /** The filters as parsed, to select them again in the form. */
    record CertificationFilter(
            String hostId, Integer activity, CertificationStatus status, String q, String asOf, String knownAt) {}

    record HostFilter(String country, Exposure exposure, String q, String asOf, String knownAt) {}

    /** A host's row: the host and how many decisions it serves on the date asked. */
    record HostRow(HostView host, long decisions) {}

    @GetMapping("/certifications")
    String certifications(
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String activity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            HttpServletRequest request,
            Model model) {
        TimePoint at = params.timePoint(asOf, knownAt);
        CertificationFilter filter = new CertificationFilter(
                params.id(hostId, "hostId"),
                params.activity(activity),
                params.enumValue(status, CertificationStatus.class, "status"),
                params.text(q, "q"),
                asOf,
                knownAt);
        CertificationPage list = queries.ask(
                new ListCertifications(
                        filter.hostId(), filter.activity(), filter.status(), filter.q(), at, params.page(page, size)),
                CertificationPage.class);
        model.addAttribute("at", at);
        model.addAttribute("filter", filter);
        model.addAttribute("certificates", list);
        model.addAttribute("paging", Paging.of(request, list.page(), list.totalPages()));
        model.addAttribute("hosts", allHosts(at));
        model.addAttribute("activities", HdsActivity.values());
        model.addAttribute("statuses", CertificationStatus.values());
        String query = request.getQueryString();
        model.addAttribute("csv", "/certifications.csv" + (query == null ? "" : "?" + query));
        return "certifications";
    }

    /** The list of {@code /certifications} with the same filters, as the API's CSV, to download. */
    @GetMapping("/certifications.csv")
    ResponseEntity<String> certificationsCsv(
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String activity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        return RegisterPageController.attachment(
                certifications.csv(hostId, activity, status, q, asOf, knownAt, page, size), "certifications.csv");
    }

    @GetMapping("/hosts")
    String hosts(
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String exposure,
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size,
            HttpServletRequest request,
            Model model) {
        TimePoint at = params.timePoint(asOf, knownAt);
        HostFilter filter = new HostFilter(
                country == null || country.isBlank() ? null : country.trim().toUpperCase(java.util.Locale.ROOT),
                params.enumValue(exposure, Exposure.class, "exposure"),
                params.text(q, "q"),
                asOf,
                knownAt);
        HostPage list = queries.ask(
                new ListHosts(filter.country(), filter.exposure(), filter.q(), at, params.page(page, size)),
                HostPage.class);
        List<HostRow> rows = list.items().stream()
                .map(h -> new HostRow(
                        h,
                        queries.ask(
                                        new ListDecisions(h.id(), null, null, null, null, at, new PageRequest(0, 1)),
                                        DecisionPage.class)
                                .totalItems()))
                .toList();
        model.addAttribute("at", at);
        model.addAttribute("filter", filter);
        model.addAttribute("hosts", list);
        model.addAttribute("rows", rows);
        model.addAttribute("paging", Paging.of(request, list.page(), list.totalPages()));
        model.addAttribute("exposures", Exposure.values());
        return "hosts";
    }

    private List<HostView> allHosts(TimePoint at) {
        return queries
                .ask(new ListHosts(null, null, at, new PageRequest(0, PageRequest.MAX_SIZE)), HostPage.class)
                .items()
                .stream()
                .sorted(Comparator.comparing(HostView::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
    }
}
