package org.hostledger.api.application;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Whether a failure means the database cannot be reached (PostgreSQL stopped or restarting, the network gone, no
 * connection free within the pool's time-out), rather than something about the request: the edge answers it {@code
 * 503}, and a group of commands that failed so is not run again command by command.
 */
public final class DatabaseFailures {

    private static final int MAX_DEPTH = 32;

    private DatabaseFailures() {}

    /** True when the failure, or one of its causes, says that no connection to the database could be had or kept. */
    public static boolean unreachable(Throwable failure) {
        return causedBy(failure, 0);
    }

    /** The causes and the suppressed failures (a rollback that failed after the append did), to a bounded depth. */
    private static boolean causedBy(Throwable failure, int level) {
        Throwable t = failure;
        for (int depth = 0; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (level < 2) {
                for (Throwable suppressed : t.getSuppressed()) {
                    if (causedBy(suppressed, level + 1)) {
                        return true;
                    }
                }
            }
            if (t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException
                    || t instanceof DataAccessResourceFailureException
                    || t instanceof CannotCreateTransactionException) {
                return true;
            }
            // SQLSTATE class 08: connection exception; 57P01-57P03: the server shuts down or is starting up.
            if (t instanceof SQLException sql
                    && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }
}
