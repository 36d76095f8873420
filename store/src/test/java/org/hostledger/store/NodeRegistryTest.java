package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hostledger.store.processing.NodeRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A node's share of a processor's segments is of the segments the store holds for it. The configured count only
 * creates a new processor's tokens: a store created with four segments and opened with a setting of one had three of
 * them never claimed, so the events they hold never reached the views.
 */
class NodeRegistryTest {

    private final StoreDatabase database = new StoreDatabase();
    private final JdbcTemplate jdbc = StoreDatabase.jdbc(database.dataSource());

    NodeRegistryTest() {
        for (int segment = 0; segment < 4; segment++) {
            jdbc.update(
                    "INSERT INTO token_entry (processor_name, segment, token, token_type, owner) "
                            + "VALUES ('hosting-map', ?, NULL, NULL, NULL)",
                    segment);
        }
    }

    @Test
    void aNodeAloneClaimsEverySegmentTheStoreHolds() {
        NodeRegistry node = new NodeRegistry(jdbc, Duration.ofSeconds(5), 1);
        node.start();
        try {
            assertThat(node.getMaxSegments("hosting-map"))
                    .as("the four segments the store holds, whatever the setting")
                    .isEqualTo(4);
            assertThat(node.getMaxSegments("registers"))
                    .as("a processor without tokens yet: the configured count, which Axon creates")
                    .isEqualTo(1);
        } finally {
            node.stop();
        }
    }

    @Test
    void liveNodesShareTheSegmentsTheStoreHolds() {
        NodeRegistry first = new NodeRegistry(jdbc, Duration.ofSeconds(5), 1);
        NodeRegistry second = new NodeRegistry(jdbc, Duration.ofSeconds(5), 1);
        first.start();
        try {
            second.start();
            try {
                assertThat(second.liveNodes()).isEqualTo(2);
                assertThat(second.getMaxSegments("hosting-map")).isEqualTo(2);
            } finally {
                second.stop();
            }
        } finally {
            first.stop();
        }
    }

    @Test
    void segmentsAddedToTheStoreAreSeenAtTheNextBeat() throws InterruptedException {
        NodeRegistry node = new NodeRegistry(jdbc, Duration.ofSeconds(5), 4);
        node.start();
        try {
            assertThat(node.getMaxSegments("hosting-map")).isEqualTo(4);
            for (int segment = 4; segment < 8; segment++) {
                jdbc.update(
                        "INSERT INTO token_entry (processor_name, segment, token, token_type, owner) "
                                + "VALUES ('hosting-map', ?, NULL, NULL, NULL)",
                        segment);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (node.getMaxSegments("hosting-map") != 8 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(node.getMaxSegments("hosting-map"))
                    .as("a split segment is claimed after the heartbeat reads it")
                    .isEqualTo(8);
        } finally {
            node.stop();
        }
    }
}
