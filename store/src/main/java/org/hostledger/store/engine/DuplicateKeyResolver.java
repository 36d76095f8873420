package org.hostledger.store.engine;

import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;

/**
 * Tells a unique-key violation apart from other storage failures, on H2 and PostgreSQL alike: by SQL state 23505,
 * looking through causes and through the chained exceptions of a batch (where drivers put the real failure).
 * A violation of the (aggregate, sequence) key is how a lost race on one record shows; Axon then reports a
 * concurrency conflict (409) instead of a storage failure.
 */
public class DuplicateKeyResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && isUniqueViolation(sql)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUniqueViolation(SQLException exception) {
        for (SQLException e = exception; e != null; e = e.getNextException()) {
            if (e instanceof SQLIntegrityConstraintViolationException && UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                return true;
            }
            if (e.getCause() instanceof SQLException cause && cause != e && isUniqueViolation(cause)) {
                return true;
            }
        }
        return false;
    }
}
