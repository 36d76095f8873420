package org.hostledger.api.verifiable;

import static org.assertj.core.api.Assertions.assertThat;

import org.hostledger.store.merkle.CheckpointLog;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** A checkpoint that could not be signed is a 503 problem that says so, without the cause's internals. */
class VerifiableLogProblemsTest {

    @Test
    void aFailedSigningIsA503ProblemWithoutItsCause() {
        ResponseEntity<Object> response = new VerifiableLogProblems()
                .failed(new CheckpointLog.SigningFailedException(
                        "storing the checkpoint at size 3 failed",
                        new IllegalStateException("ERROR: relation ledger_checkpoint does not exist")));

        assertThat(response.getStatusCode().value()).isEqualTo(503);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        ProblemDetail problem = (ProblemDetail) response.getBody();
        assertThat(problem.getTitle()).isEqualTo("Checkpoint not signed");
        assertThat(problem.getDetail()).doesNotContain("ledger_checkpoint");
    }
}
