package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.hostledger.api.application.Queries;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.TimePoint;
import org.hostledger.core.rule.UnknownRecord;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * {@code /certifications/{id}}: a certificate lives on its host's page, with its lifecycle; this address leads there,
 * on the same date, keeping a message that came with it.
 */
@Controller
class CertificationPageController {

    private final Queries queries;
    private final ReadParams params;

    CertificationPageController(Queries queries, ReadParams params) {
        this.queries = queries;
        this.params = params;
    }

    @GetMapping("/certifications/{id}")
    String certification(
            @PathVariable String id,
            @RequestParam(required = false) String asOf,
            @RequestParam(required = false) String knownAt,
            HttpServletRequest request,
            RedirectAttributes redirect) {
        TimePoint at = params.timePoint(asOf, knownAt);
        CertificationView certificate =
                queries.ask(new FindCertification(RecordPaths.id(id, "certification"), at), CertificationView.class);
        if (certificate == null) {
            throw new UnknownRecord("certification", id);
        }
        Map<String, ?> flash = RequestContextUtils.getInputFlashMap(request);
        if (flash != null) {
            flash.forEach(redirect::addFlashAttribute);
        }
        return "redirect:/hosts/" + certificate.hostId() + PageModel.timeQueryOf(asOf, knownAt) + "#certificate-"
                + certificate.id();
    }
}
