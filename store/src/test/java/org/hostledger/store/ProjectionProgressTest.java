package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.Segment;
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
    private final java.util.concurrent.atomic.AtomicInteger wakeUps = new java.util.concurrent.atomic.AtomicInteger();
    private final StreamingEventProcessor processor = mock(StreamingEventProcessor.class);

    ProjectionProgressTest() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.eventProcessors()).thenReturn(Map.of("registers", processor));
        progress = new ProjectionProgress(
                processing, JacksonSerializer.defaultSerializer(), jdbc, wakeUps::incrementAndGet);
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
    void aWaitThatDoesNotEndAtOnceWakesTheProcessors() {
        assertThat(progress.await(progress.head(), Duration.ofMinutes(5))).isTrue();
        assertThat(wakeUps).as("a wait that ends at once wakes nobody").hasValue(0);

        StoreDatabase.engine(dataSource).appendEvents(new GenericDomainEventMessage<>("Host", "h1", 0, "h1#0"));
        assertThat(progress.await(1, Duration.ofMillis(350))).isFalse();

        assertThat(wakeUps.get())
                .as("woken when the wait began, and again while it lasted")
                .isGreaterThanOrEqualTo(2);
    }

    @Test
    void aRecordedEventIsNotReachedByAProcessorThatHasSeenNothing() {
        StoreDatabase.engine(dataSource).appendEvents(new GenericDomainEventMessage<>("Host", "h1", 0, "h1#0"));

        assertThat(progress.head()).isEqualTo(1);
        assertThat(progress.reached(1)).isFalse();
    }

    /**
     * A segment with nothing to handle stores its token only at its next claim extension; this node's memory says at
     * once that it has passed the event, so a node that holds every segment does not wait for that timer.
     */
    @Test
    void aNodeHoldingEverySegmentIsAskedInMemory() {
        append(1);
        Map<Integer, EventTrackerStatus> here = Map.of(0, status(0, 1, 1), 1, status(1, 1, 1));
        when(processor.processingStatus()).thenReturn(here);

        assertThat(progress.reached(1))
                .as("both halves passed position 1 in memory, none in the table")
                .isTrue();
        assertThat(progress.reached(2)).isFalse();
        // The lag gauge and the operator's status say the same as the wait: caught up.
        assertThat(progress.lag("registers")).isZero();
        assertThat(progress.statuses()).singleElement().satisfies(status -> {
            assertThat(status.position()).isEqualTo(1);
            assertThat(status.percent()).isEqualTo(100.0);
        });
    }

    /** What memory does not tell — a segment another node holds — is read from the token table. */
    @Test
    void anotherNodesSegmentsAreReadFromTheTokenTable() {
        append(1);
        jdbc.update("DELETE FROM token_entry");
        insertToken(0, null);
        insertToken(1, null);
        Map<Integer, EventTrackerStatus> here = Map.of(0, status(0, 1, 1));
        when(processor.processingStatus()).thenReturn(here);

        assertThat(progress.reached(1))
                .as("segment 1 is another node's and its token is behind")
                .isFalse();

        jdbc.update("DELETE FROM token_entry WHERE segment = 1");
        insertToken(1, new GlobalSequenceTrackingToken(1));
        assertThat(progress.reached(1)).isTrue();
    }

    /** Memory that is behind is not the last word: the table may know more (a segment claimed since). */
    @Test
    void memoryBehindFallsBackToTheTable() {
        append(1);
        jdbc.update("DELETE FROM token_entry");
        insertToken(0, new GlobalSequenceTrackingToken(1));
        Map<Integer, EventTrackerStatus> here = Map.of(0, status(0, 0, 0));
        when(processor.processingStatus()).thenReturn(here);

        assertThat(progress.reached(1)).isTrue();
    }

    @Test
    void partialCoverageInMemoryIsNotTheWholeSpace() {
        assertThat(ProjectionProgress.allSegmentsHere(Map.of(0, status(0, 1, 5)), 1))
                .isFalse();
        assertThat(ProjectionProgress.allSegmentsHere(Map.of(), 1)).isFalse();
        assertThat(ProjectionProgress.allSegmentsHere(Map.of(0, status(0, 0, 5)), 5))
                .isTrue();
        assertThat(ProjectionProgress.allSegmentsHere(Map.of(0, status(0, 0, 5)), 6))
                .isFalse();
    }

    private void append(int count) {
        for (int i = 0; i < count; i++) {
            StoreDatabase.engine(dataSource)
                    .appendEvents(new GenericDomainEventMessage<>("Host", "h" + i, 0, "h" + i + "#0"));
        }
    }

    private void insertToken(int segment, GlobalSequenceTrackingToken token) {
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        byte[] bytes =
                token == null ? null : serializer.serialize(token, byte[].class).getData();
        jdbc.update(
                "INSERT INTO token_entry (processor_name, segment, token, token_type, owner) VALUES (?, ?, ?, ?, ?)",
                "registers",
                segment,
                bytes,
                token == null ? null : GlobalSequenceTrackingToken.class.getName(),
                "node");
    }

    private static EventTrackerStatus status(int segment, int mask, long position) {
        EventTrackerStatus status = mock(EventTrackerStatus.class);
        // Segment ids and masks as Axon splits them: the root (0, mask 0), its halves (0 and 1, mask 1).
        Segment part = mask == 0 ? Segment.ROOT_SEGMENT : Segment.ROOT_SEGMENT.split()[segment];
        when(status.getSegment()).thenReturn(part);
        when(status.getCurrentPosition()).thenReturn(OptionalLong.of(position));
        return status;
    }
}
