package org.hostledger.api.pages;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * What every page's layout needs, Spring Boot's error page included: the viewer, and the time point asked as a query
 * string, so that a link from one page to another stays on the same date and knowledge.
 */
@ControllerAdvice(basePackageClasses = PageModel.class, assignableTypes = ErrorController.class)
class PageModel {

    @ModelAttribute("viewer")
    Viewer viewer() {
        return Viewer.current();
    }

    @ModelAttribute("timeQuery")
    String timeQuery(@RequestParam(required = false) String asOf, @RequestParam(required = false) String knownAt) {
        return timeQueryOf(asOf, knownAt);
    }

    static String timeQueryOf(String asOf, String knownAt) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("asOf", asOf);
        parameters.put("knownAt", knownAt);
        return QueryString.of(parameters);
    }
}
