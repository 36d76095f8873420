package org.hostledger.api.web;

import java.util.List;

/** A request the edge refuses for the shape of some fields, beyond what annotations can say: answered 400. */
public class FieldError extends RuntimeException {

    private final List<ProblemHandler.FieldProblem> errors;

    private FieldError(String detail, List<ProblemHandler.FieldProblem> errors) {
        super(detail, null, false, false);
        this.errors = errors;
    }

    public static FieldError invalid(String field, String message) {
        return new FieldError(field + ": " + message, List.of(new ProblemHandler.FieldProblem(field, message)));
    }

    public List<ProblemHandler.FieldProblem> errors() {
        return errors;
    }
}
