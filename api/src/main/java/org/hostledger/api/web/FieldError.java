package org.hostledger.api.web;

import java.util.List;

/** A request the edge refuses for the shape of some fields, beyond what annotations can say: answered 400. */
public class FieldError extends RuntimeException {

    private final List<ProblemHandler.FieldProblem> errors;
    private final String code;

    private FieldError(String detail, List<ProblemHandler.FieldProblem> errors, String code) {
        super(detail, null, false, false);
        this.errors = errors;
        this.code = code;
    }

    public static FieldError invalid(String field, String message) {
        return invalid(field, null, message);
    }

    /** The same, with the key of the message's translations for the pages ({@code messages*.properties}). */
    public static FieldError invalid(String field, String code, String message) {
        return new FieldError(field + ": " + message, List.of(new ProblemHandler.FieldProblem(field, message)), code);
    }

    public List<ProblemHandler.FieldProblem> errors() {
        return errors;
    }

    /** The message key of the first error, or null when it has none. */
    public String code() {
        return code;
    }
}
