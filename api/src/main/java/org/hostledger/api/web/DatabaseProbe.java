package org.hostledger.api.web;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Asks the database, once, whether it answers: a connection from the pool (which waits at most
 * {@code spring.datasource.hikari.connection-timeout}) that passes the driver's validity check within a second. Used
 * only after a failure that nothing else explains, to tell an outage that surfaced in an unexpected form from a bug.
 */
@Component
public class DatabaseProbe {

    private static final int VALIDITY_SECONDS = 1;

    private final DataSource dataSource;

    public DatabaseProbe(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** True when a connection could be had and answered; false when the database cannot be reached now. */
    public boolean reachable() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(VALIDITY_SECONDS);
        } catch (SQLException | RuntimeException unreachable) {
            return false;
        }
    }
}
