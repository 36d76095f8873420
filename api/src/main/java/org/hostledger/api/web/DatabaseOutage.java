package org.hostledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hostledger.api.application.DatabaseFailures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The database cannot be reached (PostgreSQL stopped or restarting, the network gone, no connection free within
 * {@code spring.datasource.hikari.connection-timeout}): {@code 503} problem details with {@code Retry-After}, never a
 * 500 or a stack trace. {@link ProblemHandler} answers it for controllers; this filter for whatever fails before them
 * (the idempotency filter's look-up). The connection pool reconnects by itself once the database is back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
public class DatabaseOutage extends OncePerRequestFilter {

    /** Seconds a client is told to wait before trying again. */
    public static final String RETRY_AFTER = "5";

    static final String TITLE = "Database unavailable";
    static final String DETAIL = "the database cannot be reached; try again later. A write answered this may or may "
            + "not have been recorded at the moment the database went away: repeat it with the same Idempotency-Key";

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutage.class);
    private static final int MAX_DEPTH = 32;

    private final ObjectMapper mapper;

    public DatabaseOutage(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /**
     * True when the failure, or one of its causes, says that no connection to the database could be had or kept
     * ({@link DatabaseFailures#unreachable}).
     */
    public static boolean causedBy(Throwable failure) {
        return DatabaseFailures.unreachable(failure);
    }

    /** The 503 answer, for an exception handler. */
    public static ResponseEntity<Object> answer(Throwable failure) {
        log.warn("database unavailable: {}", rootMessage(failure));
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle(TITLE);
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!causedBy(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("database unavailable: {}", rootMessage(e));
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, RETRY_AFTER);
            ProblemResponses.write(mapper, response, HttpStatus.SERVICE_UNAVAILABLE, TITLE, DETAIL, null);
        }
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && depth < MAX_DEPTH; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
