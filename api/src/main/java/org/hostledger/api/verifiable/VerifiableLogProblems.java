package org.hostledger.api.verifiable;

import org.hostledger.api.web.ProblemHandler;
import org.hostledger.store.merkle.CheckpointLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A checkpoint the ledger refuses to sign (its tree no longer extends the last signed one: a rollback or a rewritten
 * history) or cannot sign: a 503 problem+json that says so, logged as an error, rather than an anonymous 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class VerifiableLogProblems {

    private static final Logger log = LoggerFactory.getLogger(VerifiableLogProblems.class);

    @ExceptionHandler(CheckpointLog.InconsistentTreeException.class)
    ResponseEntity<Object> refused(CheckpointLog.InconsistentTreeException e) {
        log.error("Refused to sign a checkpoint for a request: {}", e.getMessage());
        return ProblemHandler.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Checkpoint refused",
                "the ledger refuses to sign a new checkpoint: " + e.getMessage()
                        + "; the signed checkpoints stay as they were (see /api/audit/verify)",
                null);
    }

    @ExceptionHandler(CheckpointLog.SigningFailedException.class)
    ResponseEntity<Object> failed(CheckpointLog.SigningFailedException e) {
        log.error("Signing a checkpoint failed", e);
        return ProblemHandler.problem(
                HttpStatus.SERVICE_UNAVAILABLE,
                "Checkpoint not signed",
                "the ledger could not sign a new checkpoint; retry later",
                null);
    }
}
