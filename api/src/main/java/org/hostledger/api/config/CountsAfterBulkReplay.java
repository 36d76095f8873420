package org.hostledger.api.config;

import org.hostledger.projections.MaintainedCounts;
import org.hostledger.store.processing.AfterBulkReplay;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The projections' counts, which a bulk replay leaves out of its batches (see {@code ProjectionBatch#count}), written
 * once at its end from the version rows: the store's replay and the projections meet here, in the application.
 */
@Component
class CountsAfterBulkReplay implements AfterBulkReplay {

    private final JdbcTemplate jdbc;

    CountsAfterBulkReplay(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replayed(String projection) {
        MaintainedCounts.recount(jdbc, projection);
    }
}
