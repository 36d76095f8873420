package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.serialization.json.JacksonSerializer;
import org.hostledger.store.processing.ProjectionProgress;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * {@link ProjectionProgress} on a fresh store: a processor that has seen no event yet holds a null token, and an
 * empty store's head is 0 (global indexes start at 1). Waiting for the head of an empty store must end at once — a
 * first register import into an empty ledger waited for it and was refused.
 */
class ProjectionProgressTest {

    private final StoreDatabase database = new StoreDatabase();
    private final DataSource dataSource = database.dataSource();
    private final JdbcTemplate jdbc = StoreDatabase.jdbc(dataSource);
    private final ProjectionProgress progress;

    ProjectionProgressTest() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.of("registers", mock(StreamingEventProcessor.class)));
        progress = new ProjectionProgress(processing, JacksonSerializer.defaultSerializer(), jdbc);
        // A fresh processor's claimed segment: no token until the first event is processed.
        jdbc.update("INSERT INTO token_entry (processor_name, segment, token, token_type, owner) "
                + "VALUES ('registers', 0, NULL, NULL, 'node')");
    }

    @Test
    void theHeadOfAnEmptyStoreIsReachedAtOnce() {
        assertThat(progress.head()).isZero();
        assertThat(progress.reached(progress.head())).isTrue();
        assertThat(progress.await(progress.head(), Duration.ofMinutes(5))).isTrue();
    }

    @Test
    void aRecordedEventIsNotReachedByAProcessorThatHasSeenNothing() {
        StoreDatabase.engine(dataSource).appendEvents(new GenericDomainEventMessage<>("Host", "h1", 0, "h1#0"));

        assertThat(progress.head()).isEqualTo(1);
        assertThat(progress.reached(1)).isFalse();
    }
}
