package org.hostledger.api.registers;

import java.util.List;
import org.hostledger.api.application.registers.SnapshotRefused;
import org.hostledger.api.application.registers.SnapshotUnreadable;
import org.hostledger.api.web.ProblemHandler;
import org.hostledger.api.web.RequestSizeLimitFilter;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The import's refusals as problem+json: where an unreadable file went wrong, which snapshot is the latest. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RegisterProblems {

    @ExceptionHandler(SnapshotUnreadable.class)
    ResponseEntity<Object> unreadable(SnapshotUnreadable e) {
        String where = e.where() == null ? "snapshot" : e.where();
        return ProblemHandler.problem(
                HttpStatus.BAD_REQUEST,
                "Unreadable snapshot",
                e.getMessage() + "; nothing was recorded",
                List.of(new ProblemHandler.FieldProblem(where, e.getMessage())));
    }

    @ExceptionHandler(RequestSizeLimitFilter.TooLarge.class)
    ResponseEntity<Object> tooLarge(RequestSizeLimitFilter.TooLarge e) {
        return ProblemHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Snapshot too large", e.getMessage(), null);
    }

    @ExceptionHandler(SnapshotRefused.class)
    ResponseEntity<Object> refused(SnapshotRefused e) {
        return switch (e.reason()) {
            case UNKNOWN_REGISTER ->
                ProblemHandler.problem(HttpStatus.NOT_FOUND, "Unknown register", e.getMessage(), null);
            case TOO_LARGE ->
                ProblemHandler.problem(HttpStatus.PAYLOAD_TOO_LARGE, "Snapshot too large", e.getMessage(), null);
            case VIEWS_BEHIND ->
                ProblemHandler.problem(HttpStatus.SERVICE_UNAVAILABLE, "Views catching up", e.getMessage(), null);
            case OLDER_THAN_LATEST -> {
                ResponseEntity<Object> response = ProblemHandler.problem(
                        HttpStatus.CONFLICT,
                        "Older than the latest snapshot",
                        e.getMessage() + "; nothing was recorded",
                        null);
                ((ProblemDetail) response.getBody()).setProperty("latestPublishedAt", e.detail());
                yield response;
            }
        };
    }
}
