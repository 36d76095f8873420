package org.hostledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.hostledger.core.rule.IdAlreadyTaken;
import org.hostledger.core.rule.LedgerRejection;
import org.hostledger.core.rule.RuleViolation;
import org.hostledger.core.rule.UnknownRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error as {@code application/problem+json} (RFC 9457) with {@code status}, {@code title}, {@code detail} and,
 * for field problems, {@code errors: [{field, message}]}. Never a stack trace, an SQL fragment or a class name.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @Nullable
    private final DatabaseProbe database;

    /** Without a database to ask: every unexplained failure is a 500. */
    public ProblemHandler() {
        this(null);
    }

    @Autowired
    public ProblemHandler(@Nullable DatabaseProbe database) {
        this.database = database;
    }

    public record FieldProblem(String field, String message) {}

    @ExceptionHandler(FieldError.class)
    ResponseEntity<Object> fieldError(FieldError e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", e.getMessage(), e.errors());
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldProblem> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldProblem(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors), errors);
    }

    @ExceptionHandler(CommandResponses.IdempotencyKeyReused.class)
    ResponseEntity<Object> keyReused(CommandResponses.IdempotencyKeyReused e) {
        return problem(HttpStatus.UNPROCESSABLE_ENTITY, "Idempotency key reused", e.getMessage(), null);
    }

    @ExceptionHandler(RecordPaths.InvalidIfMatch.class)
    ResponseEntity<Object> invalidIfMatch(RecordPaths.InvalidIfMatch e) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Invalid If-Match",
                e.getMessage(),
                List.of(new FieldProblem("If-Match", e.getMessage())));
    }

    @ExceptionHandler(LedgerRejection.class)
    ResponseEntity<Object> rejection(LedgerRejection e) {
        List<FieldProblem> errors = e.field() == null ? null : List.of(new FieldProblem(e.field(), e.getMessage()));
        if (e instanceof UnknownRecord) {
            return problem(HttpStatus.NOT_FOUND, "Unknown record", e.getMessage(), null);
        }
        if (e instanceof IdAlreadyTaken) {
            return problem(HttpStatus.CONFLICT, "Id already taken", e.getMessage(), errors);
        }
        if (e instanceof RuleViolation) {
            return problem(HttpStatus.CONFLICT, "Rejected by the ledger's rules", e.getMessage(), errors);
        }
        return problem(HttpStatus.CONFLICT, "Rejected", e.getMessage(), errors);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ResponseEntity<Object> commandExecution(CommandExecutionException e, WebRequest request) throws Exception {
        if (e.getCause() instanceof Exception cause && cause != e) {
            return dispatch(cause, request);
        }
        return unexpected(e);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<Object> notFound(AggregateNotFoundException e) {
        return problem(
                HttpStatus.NOT_FOUND, "Unknown record", "no record with id '" + e.getAggregateIdentifier() + "'", null);
    }

    @ExceptionHandler(ConflictingAggregateVersionException.class)
    ResponseEntity<Object> versionConflict(ConflictingAggregateVersionException e) {
        ResponseEntity<Object> response = problem(
                HttpStatus.PRECONDITION_FAILED,
                "Record changed since it was read",
                "the record is at version " + e.getActualVersion() + ", not the " + e.getExpectedVersion()
                        + " that If-Match expects; read it again",
                null);
        ((ProblemDetail) response.getBody()).setProperty("currentVersion", e.getActualVersion());
        return response;
    }

    @ExceptionHandler(AggregateStreamCreationException.class)
    ResponseEntity<Object> raceOnCreation(AggregateStreamCreationException e) {
        return problem(HttpStatus.CONFLICT, "Id already taken", "the id is already taken", null);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ResponseEntity<Object> concurrentChange(ConcurrencyException e) {
        return problem(
                HttpStatus.CONFLICT,
                "Concurrent change",
                "another change to this record was recorded at the same moment; read it again and retry",
                null);
    }

    @ExceptionHandler(EventStoreException.class)
    ResponseEntity<Object> store(EventStoreException e) {
        if (e.getCause() instanceof ConcurrencyException concurrency) {
            return concurrentChange(concurrency);
        }
        return unexpected(e);
    }

    /** A read of views being rebuilt: a part of the history is never served as the whole (see ViewsRebuilding). */
    @ExceptionHandler(ViewsRebuilding.class)
    ResponseEntity<Object> viewsRebuilding(ViewsRebuilding e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Views being rebuilt");
        problem.setProperty("rebuilding", e.projections());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, ViewsRebuilding.RETRY_AFTER)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    /** The firewall's checks that run late, such as the names of form parameters read with the body. */
    @ExceptionHandler(org.springframework.security.web.firewall.RequestRejectedException.class)
    ResponseEntity<Object> rejectedByTheFirewall(org.springframework.security.web.firewall.RequestRejectedException e) {
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "the request is not acceptable", null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        if (DatabaseOutage.causedBy(e)) {
            return DatabaseOutage.answer(e);
        }
        if (database != null && !database.reachable()) {
            // A failure in a form the outage check does not know, while the database cannot be reached: answered
            // as the outage (the client retries), logged in full so that the form can be learnt.
            log.error("unexpected error while the database is unreachable; answered as an outage", e);
            return DatabaseOutage.answer(e);
        }
        log.error("unexpected error", e);
        return problem(
                HttpStatus.INTERNAL_SERVER_ERROR,
                "Internal error",
                "the request could not be completed; nothing was recorded if it was a write",
                null);
    }

    private ResponseEntity<Object> dispatch(Exception cause, WebRequest request) throws Exception {
        if (cause instanceof LedgerRejection rejection) {
            return rejection(rejection);
        }
        if (cause instanceof ConflictingAggregateVersionException conflict) {
            return versionConflict(conflict);
        }
        if (cause instanceof AggregateStreamCreationException creation) {
            return raceOnCreation(creation);
        }
        if (cause instanceof ConcurrencyException concurrency) {
            return concurrentChange(concurrency);
        }
        if (cause instanceof AggregateNotFoundException notFound) {
            return notFound(notFound);
        }
        return unexpected(cause);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> new FieldProblem(f.getField(), f.getDefaultMessage()))
                .sorted(Comparator.comparing(FieldProblem::field))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = e.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream()
                        .map(error -> new FieldProblem(
                                result.getMethodParameter().getParameterName(), error.getDefaultMessage())))
                .toList();
        return problem(HttpStatus.BAD_REQUEST, "Invalid request", summary(errors), errors);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        Throwable cause = e.getCause();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof RequestSizeLimitFilter.TooLarge tooLarge) {
                return problem(HttpStatus.PAYLOAD_TOO_LARGE, "Request too large", tooLarge.getMessage(), null);
            }
            if (t instanceof StreamConstraintsException) {
                return problem(
                        HttpStatus.BAD_REQUEST,
                        "Malformed request",
                        "the JSON body is nested too deeply or holds a value too large",
                        null);
            }
        }
        if (cause instanceof UnrecognizedPropertyException unknown) {
            String field = path(unknown);
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed request",
                    "unknown field '" + field + "'",
                    List.of(new FieldProblem(field, "is not a field of this request")));
        }
        if (cause instanceof InvalidFormatException invalid) {
            String field = path(invalid);
            String message = invalid.getTargetType() != null
                            && invalid.getTargetType().isEnum()
                    ? "must be one of "
                            + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants())
                    : "has the wrong format" + expected(invalid.getTargetType());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed request",
                    field + " " + message,
                    List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof MismatchedInputException mismatched
                && !mismatched.getPath().isEmpty()) {
            String field = path(mismatched);
            String message = "has the wrong type" + expected(mismatched.getTargetType());
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed request",
                    field + " " + message,
                    List.of(new FieldProblem(field, message)));
        }
        if (cause instanceof JsonMappingException mapping
                && mapping.getCause() instanceof java.time.format.DateTimeParseException) {
            String field = path(mapping);
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed request",
                    field + " must be an ISO-8601 date (2020-05-27)",
                    List.of(new FieldProblem(field, "must be an ISO-8601 date (2020-05-27)")));
        }
        String repeated = null;
        for (Throwable t = cause; t != null && repeated == null; t = t.getCause()) {
            repeated = t instanceof StreamReadException read ? duplicateKey(read) : null;
        }
        if (repeated != null) {
            String field = repeated;
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Malformed request",
                    "field '" + field + "' is given more than once",
                    List.of(new FieldProblem(field, "is given more than once")));
        }
        if (cause instanceof JsonProcessingException) {
            return problem(HttpStatus.BAD_REQUEST, "Malformed request", "the body is not well-formed JSON", null);
        }
        return problem(HttpStatus.BAD_REQUEST, "Malformed request", "the request body is missing or unreadable", null);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, @Nullable Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // Spring's own web exceptions (405, 406, 415, missing parameters…) keep their status and a safe detail.
        ProblemDetail detail = body instanceof ProblemDetail problem ? problem : ProblemDetail.forStatus(status);
        if (detail.getDetail() == null) {
            detail.setDetail(
                    HttpStatus.resolve(status.value()) != null
                            ? HttpStatus.resolve(status.value()).getReasonPhrase()
                            : "request refused");
        }
        return ResponseEntity.status(status)
                .headers(headers)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(detail);
    }

    public static ResponseEntity<Object> problem(
            HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        if (errors != null && !errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    private static String summary(List<FieldProblem> errors) {
        if (errors.isEmpty()) {
            return "the request is invalid";
        }
        return errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; "));
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static final java.util.regex.Pattern DUPLICATE =
            java.util.regex.Pattern.compile("^Duplicate field '(.*)'", java.util.regex.Pattern.DOTALL);

    /** The dotted path of a key repeated in one object (Jackson's strict duplicate detection), or null. */
    private static String duplicateKey(StreamReadException e) {
        java.util.regex.Matcher matcher = DUPLICATE.matcher(e.getOriginalMessage());
        if (!matcher.find() || e.getProcessor() == null) {
            return null;
        }
        // The parser stands in the object holding the repeated key: its enclosing contexts give the path to it.
        java.util.Deque<String> steps = new java.util.ArrayDeque<>();
        steps.push(matcher.group(1));
        for (JsonStreamContext context = e.getProcessor().getParsingContext().getParent();
                context != null && !context.inRoot();
                context = context.getParent()) {
            steps.push(
                    context.inArray()
                            ? "[" + context.getCurrentIndex() + "]"
                            : context.getCurrentName() == null ? "" : context.getCurrentName());
        }
        StringBuilder path = new StringBuilder();
        for (String step : steps) {
            if (!path.isEmpty() && !step.startsWith("[")) {
                path.append('.');
            }
            path.append(step);
        }
        return path.toString();
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.indexOf('.');
        return dot >= 0 ? propertyPath.substring(dot + 1) : propertyPath;
    }

    private static final Map<Class<?>, String> EXPECTED = Map.of(
            java.time.LocalDate.class, ": an ISO-8601 date such as 2020-05-27 is expected",
            java.time.Instant.class, ": an ISO-8601 instant such as 2020-05-27T10:00:00Z is expected",
            Integer.class, ": a whole number is expected",
            int.class, ": a whole number is expected",
            String.class, ": text is expected",
            List.class, ": a list is expected");

    private static String expected(Class<?> type) {
        return type == null ? "" : EXPECTED.getOrDefault(type, "");
    }
}
