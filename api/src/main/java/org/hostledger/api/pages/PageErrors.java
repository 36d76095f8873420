package org.hostledger.api.pages;

import jakarta.servlet.http.HttpServletResponse;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ViewsRebuilding;
import org.hostledger.core.rule.UnknownRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/**
 * Errors of the pages as an HTML page with the right status. Ahead of the API's problem handler, which answers JSON,
 * and only for the page controllers.
 */
@ControllerAdvice(basePackageClasses = PageErrors.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);

    @ExceptionHandler(FieldError.class)
    ModelAndView badRequest(FieldError e) {
        return page(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(UnknownRecord.class)
    ModelAndView notFound(UnknownRecord e) {
        return page(HttpStatus.NOT_FOUND, null);
    }

    @ExceptionHandler(ViewsRebuilding.class)
    ModelAndView rebuilding(ViewsRebuilding e, HttpServletResponse response) {
        response.setHeader(HttpHeaders.RETRY_AFTER, ViewsRebuilding.RETRY_AFTER);
        return page(HttpStatus.SERVICE_UNAVAILABLE, null);
    }

    @ExceptionHandler(Exception.class)
    ModelAndView unexpected(Exception e) {
        log.error("unexpected error on a page", e);
        return page(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static ModelAndView page(HttpStatus status, String detail) {
        ModelAndView page = new ModelAndView("error", status);
        page.addObject("status", status.value());
        page.addObject("detail", detail);
        // Exception handlers get no @ModelAttribute values: the layout's own are added here.
        page.addObject("viewer", Viewer.current());
        page.addObject("timeQuery", "");
        return page;
    }
}
