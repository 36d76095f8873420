package org.hostledger.api.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import org.hostledger.api.IntegrationTest;
import org.hostledger.api.PostgresTestSchema;
import org.hostledger.store.maintenance.EmbeddedStoreMaintenance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The embedded H2 store as the application opens it by default. */
class EmbeddedStoreTest extends IntegrationTest {

    @Autowired
    private EmbeddedStoreMaintenance maintenance;

    @Test
    void freedChunksAreKeptLongEnoughForH2sOwnUnversionedReads() {
        assumeFalse(PostgresTestSchema.enabled(), "an H2 setting");
        // With RETENTION_TIME=0 a commit failed with "Chunk 27180 not found" while the store was compacted (the
        // statistics H2 refreshes after a commit read the table without holding a version); see application.properties.
        assertThat(maintenance.retentionMillis()).isGreaterThanOrEqualTo(1000);
        assertThat(maintenance.compact()).isTrue();
    }
}
