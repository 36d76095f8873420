package org.hostledger.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every projection runs as a pooled processor, as {@code application.properties} configures each one. A processing
 * group left out of that file becomes Axon's default tracking processor, which reads the store's private stream by
 * waiting up to a second for events no producer announces: every wait for a position (an import's answer, a webhook
 * held until its views hold the event) then waited that second. The HDS v2 offerings view was left out so, and an
 * unchanged register re-import took 1 s instead of tens of milliseconds.
 */
class ProcessorModesTest extends IntegrationTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void everyProjectionIsAPooledProcessor() {
        Map<String, String> kinds = processing.eventProcessors().entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> kind(e.getValue())));

        assertThat(kinds).isNotEmpty().containsKey("offerings");
        assertThat(kinds).allSatisfy((name, kind) -> assertThat(kind)
                .as("processor %s (configure axon.eventhandling.processors.%s.mode=pooled)", name, name)
                .isEqualTo(PooledStreamingEventProcessor.class.getSimpleName()));
    }

    /**
     * A new store splits each projection into one segment on H2 (one process opens the file: one node, and every
     * segment commits each batch on its own) and into four with PostgreSQL (the profile, and the PostgreSQL suites,
     * made for several nodes).
     */
    @Test
    void aNewStoreHasOneSegmentPerProjectionOnH2AndFourOnPostgres(@Autowired TokenStore tokens) {
        int expected = PostgresTestSchema.enabled() ? 4 : 1;
        for (String name : processing.eventProcessors().keySet()) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tokens.fetchSegments(name))
                    .as("segments of %s", name)
                    .hasSize(expected));
        }
    }

    private static String kind(EventProcessor processor) {
        return processor.getClass().getSimpleName();
    }
}
