package org.hostledger.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

/** What counts as the database being unreachable, and the 503 answered for it, from a controller or a filter. */
class DatabaseOutageTest {

    /** Hikari's own words when no connection came within connection-timeout. */
    private static final SQLTransientConnectionException POOL_TIMEOUT = new SQLTransientConnectionException(
            "HikariPool-1 - Connection is not available, request timed out after 5000ms.");

    @Test
    void connectionFailuresAnywhereInTheCausesAreAnOutage() {
        assertThat(DatabaseOutage.causedBy(POOL_TIMEOUT)).isTrue();
        assertThat(DatabaseOutage.causedBy(new CommandExecutionException(
                        "append failed",
                        new EventStoreException(
                                "no append", new CannotCreateTransactionException("tx", POOL_TIMEOUT)))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("no connection")))
                .isTrue();
        // PostgreSQL's SQLSTATEs: the connection broke (08006), the administrator shut the server down (57P01).
        assertThat(DatabaseOutage.causedBy(new IllegalStateException(new SQLException("I/O error", "08006"))))
                .isTrue();
        assertThat(DatabaseOutage.causedBy(new SQLException("terminating connection", "57P01")))
                .isTrue();
    }

    @Test
    void aConnectionFailureSuppressedByALaterOneIsAnOutage() {
        IllegalStateException rollbackFailed = new IllegalStateException("the rollback failed");
        rollbackFailed.addSuppressed(new EventStoreException("append", new SQLException("I/O error", "08006")));
        assertThat(DatabaseOutage.causedBy(rollbackFailed)).isTrue();
        IllegalStateException other = new IllegalStateException("a bug");
        other.addSuppressed(new SQLException("unique violation", "23505"));
        assertThat(DatabaseOutage.causedBy(other)).isFalse();
    }

    @Test
    void anUnexplainedFailureWhileTheDatabaseIsUnreachableIsAnOutage() throws Exception {
        DataSource down = Mockito.mock(DataSource.class);
        Mockito.when(down.getConnection()).thenThrow(POOL_TIMEOUT);
        ResponseEntity<Object> answer =
                new ProblemHandler(new DatabaseProbe(down)).unexpected(new IllegalStateException("odd form"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(DatabaseOutage.RETRY_AFTER);
        assertThat(((ProblemDetail) answer.getBody()).getTitle()).isEqualTo("Database unavailable");
    }

    @Test
    void anUnexplainedFailureWhileTheDatabaseAnswersIsA500() throws Exception {
        DataSource up = Mockito.mock(DataSource.class);
        Connection connection = Mockito.mock(Connection.class);
        Mockito.when(up.getConnection()).thenReturn(connection);
        Mockito.when(connection.isValid(Mockito.anyInt())).thenReturn(true);
        ResponseEntity<Object> answer =
                new ProblemHandler(new DatabaseProbe(up)).unexpected(new IllegalStateException("a bug"));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        Mockito.verify(connection).close();
    }

    @Test
    void otherDatabaseFailuresAreNot() {
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("a bug"))).isFalse();
        assertThat(DatabaseOutage.causedBy(new SQLException("unique violation", "23505")))
                .isFalse();
        // H2's lock time-out: the database is there, busy.
        assertThat(DatabaseOutage.causedBy(new CannotAcquireLockException("lock", new SQLException("t", "HYT00"))))
                .isFalse();
    }

    @Test
    void controllersAnswer503WithRetryAfterAndNoInternals() {
        ResponseEntity<Object> answer =
                new ProblemHandler().unexpected(new CommandExecutionException("x", POOL_TIMEOUT));
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo(DatabaseOutage.RETRY_AFTER);
        ProblemDetail problem = (ProblemDetail) answer.getBody();
        assertThat(problem.getTitle()).isEqualTo("Database unavailable");
        assertThat(problem.getDetail()).doesNotContain("Hikari").doesNotContain("Exception");
    }

    @Test
    void theFilterAnswers503ForAnOutageBeforeTheControllers() throws Exception {
        DatabaseOutage filter = new DatabaseOutage(new ObjectMapper());
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/hosts");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> {
            throw new CannotGetJdbcConnectionException("no connection", POOL_TIMEOUT);
        });
        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getHeader("Retry-After")).isEqualTo("5");
        assertThat(response.getContentAsString())
                .contains("Database unavailable")
                .doesNotContain("Hikari");
    }

    @Test
    void theFilterLetsOtherFailuresThrough() {
        DatabaseOutage filter = new DatabaseOutage(new ObjectMapper());
        assertThatThrownBy(() -> filter.doFilter(
                        new MockHttpServletRequest("POST", "/api/hosts"), new MockHttpServletResponse(), (req, res) -> {
                            throw new IllegalStateException("a bug");
                        }))
                .isInstanceOf(IllegalStateException.class);
    }
}
