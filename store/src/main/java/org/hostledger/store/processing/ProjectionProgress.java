package org.hostledger.store.processing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How far each projection has come, from the token store — so the answer holds for every segment, whichever node
 * processes it — against the head of the event store.
 */
public class ProjectionProgress {

    /** How often a wait that lasts asks the processors to look again. */
    static final Duration WAKE_UP_AGAIN = Duration.ofMillis(100);

    /**
     * How old the answer of {@link #rebuilding()} may be. A rebuild waits a little longer than this between marking
     * its projections as replaying (committed) and clearing their tables, so that every node has seen the mark before
     * any table is cleared.
     */
    public static final Duration REBUILD_CHECK = Duration.ofMillis(250);

    private final EventProcessingConfiguration processing;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;
    private final ProcessorWakeUp wakeUp;

    /** Projections whose rebuild this node has started and not yet seen end: known at once, without the table. */
    private final Set<String> rebuildingHere = ConcurrentHashMap.newKeySet();

    /** How many rebuilds this node has started: a read that saw another number at its start may have straddled one. */
    private final AtomicLong rebuildsStartedHere = new AtomicLong();

    private volatile RebuildCheck lastRebuildCheck;

    private record RebuildCheck(long atNanos, Set<String> names) {}

    public ProjectionProgress(
            EventProcessingConfiguration processing, Serializer serializer, JdbcTemplate jdbc, ProcessorWakeUp wakeUp) {
        this.processing = processing;
        this.serializer = serializer;
        this.jdbc = jdbc;
        this.wakeUp = wakeUp;
    }

    private TrackingToken token(ResultSet rs) throws SQLException {
        byte[] bytes = rs.getBytes("token");
        String type = rs.getString("token_type");
        if (bytes == null || type == null) {
            return null;
        }
        return serializer.<byte[], TrackingToken>deserialize(
                new SimpleSerializedObject<>(bytes, byte[].class, type, null));
    }

    public record Status(
            String name,
            boolean running,
            boolean replaying,
            long position,
            long head,
            double percent,
            int segments,
            List<Long> segmentPositions,
            String error) {}

    /** The global index of the latest recorded event (0 when the store is empty). */
    public long head() {
        Long head = jdbc.queryForObject("SELECT last_index FROM ledger_chain_head WHERE id = 1", Long.class);
        return head == null ? 0 : head;
    }

    public List<String> names() {
        return new ArrayList<>(streamingProcessors().keySet());
    }

    public Map<String, StreamingEventProcessor> streamingProcessors() {
        Map<String, StreamingEventProcessor> processors = new TreeMap<>();
        for (Map.Entry<String, EventProcessor> entry :
                processing.eventProcessors().entrySet()) {
            if (entry.getValue() instanceof StreamingEventProcessor streaming) {
                processors.put(entry.getKey(), streaming);
            }
        }
        return processors;
    }

    public List<Status> statuses() {
        long head = head();
        List<Status> statuses = new ArrayList<>();
        streamingProcessors().forEach((name, processor) -> statuses.add(status(name, processor, head)));
        return statuses;
    }

    private Status status(String name, StreamingEventProcessor processor, long head) {
        List<Long> positions = new ArrayList<>();
        List<TrackingToken> tokens = new ArrayList<>();
        for (SegmentProgress segment : segments(name, processor.processingStatus())) {
            tokens.add(segment.token());
            positions.add(Math.max(0L, segment.position()));
        }
        boolean replaying = replaying(name, tokens);
        long position = positions.stream().mapToLong(Long::longValue).min().orElse(0L);
        double percent = head == 0 ? 100.0 : Math.min(100.0, Math.floor(1000.0 * position / head) / 10.0);
        String error = processor.isError() ? "the processor is in error and retrying; see the logs" : null;
        return new Status(
                name, processor.isRunning(), replaying, position, head, percent, positions.size(), positions, error);
    }

    /**
     * Whether projection {@code name}, its segments at {@code tokens}, is being rebuilt: some token has not reached its
     * reset point, or this node runs its rebuild and has not handed it back to its processor yet (its last token may
     * already have reached that point while it finishes).
     */
    boolean replaying(String name, List<TrackingToken> tokens) {
        return rebuildingHere.contains(name) || tokens.stream().anyMatch(ProjectionProgress::stillReplaying);
    }

    /**
     * A replay token stays one until an event after the reset point arrives; what matters to an operator is whether
     * the history up to the reset point has been processed again.
     */
    private static boolean stillReplaying(TrackingToken token) {
        if (!(token instanceof ReplayToken replay)) {
            return false;
        }
        long reached = replay.position().orElse(-1);
        long resetAt = replay.getTokenAtReset() == null
                ? -1
                : replay.getTokenAtReset().position().orElse(-1);
        return reached < resetAt;
    }

    /**
     * The projections whose views are being rebuilt, on any node: some segment's token is a replay token that has not
     * reached its reset point yet, so their tables hold a part of the history only. Read from the token table at most
     * every {@link #REBUILD_CHECK} (a handful of rows: only replay tokens are read); a rebuild started on this node
     * shows at once.
     */
    public Set<String> rebuilding() {
        RebuildCheck check = lastRebuildCheck;
        long now = System.nanoTime();
        if (check == null || now - check.atNanos() > REBUILD_CHECK.toNanos()) {
            Set<String> names = new TreeSet<>();
            jdbc.query(
                    "SELECT processor_name, token, token_type FROM token_entry WHERE token_type LIKE ?",
                    rs -> {
                        if (stillReplaying(token(rs))) {
                            names.add(rs.getString("processor_name"));
                        }
                    },
                    "%" + ReplayToken.class.getSimpleName());
            check = new RebuildCheck(now, Set.copyOf(names));
            lastRebuildCheck = check;
        }
        if (rebuildingHere.isEmpty()) {
            return check.names();
        }
        Set<String> names = new TreeSet<>(check.names());
        names.addAll(rebuildingHere);
        return names;
    }

    /** A rebuild of {@code name} starts on this node: its tables are about to be cleared. */
    void rebuildStarted(String name) {
        rebuildingHere.add(name);
        rebuildsStartedHere.incrementAndGet();
    }

    /**
     * How many rebuilds this node has started since it did: a read that finds the same number at its end as at its
     * start, and nothing rebuilding at either, read no table that a rebuild here cleared meanwhile.
     */
    public long rebuildsStartedHere() {
        return rebuildsStartedHere.get();
    }

    /**
     * The rebuild of {@code name} this node ran has ended, complete or not: the token table tells again (a rebuild
     * that failed goes on through the processor, from its replay tokens).
     */
    void rebuildEnded(String name) {
        lastRebuildCheck = null;
        rebuildingHere.remove(name);
    }

    /** Events recorded but not yet processed by the slowest segment of projection {@code name}. */
    public long lag(String name) {
        long head = head();
        StreamingEventProcessor processor = streamingProcessors().get(name);
        List<SegmentProgress> segments = segments(name, processor == null ? Map.of() : processor.processingStatus());
        if (segments.isEmpty()) {
            return head;
        }
        long slowest = head;
        for (SegmentProgress segment : segments) {
            slowest = Math.min(slowest, Math.max(0L, segment.position()));
        }
        return Math.max(0L, head - slowest);
    }

    /**
     * True once every projection has processed every event up to {@code position}. Position 0 is before the first
     * event (global indexes start at 1): an empty store has nothing to process, so it is reached at once — a fresh
     * processor's token is null until the first event arrives, and waiting for it would wait forever.
     *
     * <p>Two sources, each truthful on its own. This node's segments are asked in memory first: Axon advances a
     * segment's status once the batch holding an event has committed, and at once for an event the segment does not
     * handle. The token table is asked for the rest: another node's segments, and this node's when memory does not
     * tell (before its first batch). Memory matters because a segment with nothing to handle stores its advanced
     * token only at its next claim extension (every {@code TOKEN_PUBLISH_MILLIS}), so the table alone made every
     * wait for a position — an import's answer, a webhook held until its views hold the event — wait for that timer.
     */
    public boolean reached(long position) {
        if (position <= 0) {
            return true;
        }
        for (Map.Entry<String, StreamingEventProcessor> processor :
                streamingProcessors().entrySet()) {
            Map<Integer, EventTrackerStatus> here = processor.getValue().processingStatus();
            if (!allSegmentsHere(here, position) && !reachedInStore(processor.getKey(), here, position)) {
                return false;
            }
        }
        return true;
    }

    /**
     * True when this node processes the whole segment space of a processor and each of its segments has processed
     * {@code position}; the token table need not be asked then.
     */
    public static boolean allSegmentsHere(Map<Integer, EventTrackerStatus> here, long position) {
        if (here.isEmpty()) {
            return false;
        }
        double covered = 0;
        for (EventTrackerStatus status : here.values()) {
            if (!reachedHere(status, position)) {
                return false;
            }
            covered += 1.0 / (status.getSegment().getMask() + 1);
        }
        return covered > 1 - 1e-9;
    }

    private static boolean reachedHere(EventTrackerStatus status, long position) {
        return positionHere(status) >= position;
    }

    private static long positionHere(EventTrackerStatus status) {
        return status == null ? -1 : status.getCurrentPosition().orElse(-1);
    }

    private boolean reachedInStore(String name, Map<Integer, EventTrackerStatus> here, long position) {
        List<SegmentProgress> segments = segments(name, here);
        if (segments.isEmpty()) {
            return false;
        }
        for (SegmentProgress segment : segments) {
            if (segment.position() < position) {
                return false;
            }
        }
        return true;
    }

    /**
     * A segment's token as stored, and the position it has processed: the stored token's, or this node's in-memory
     * status when it is further (an idle segment stores its advanced token only at its next claim extension).
     * {@code -1}: nothing processed yet. Tokens are read from the table without claiming them: the token store's own
     * fetch would claim, and so steal segments from whichever node processes them.
     */
    private record SegmentProgress(TrackingToken token, long position) {}

    private List<SegmentProgress> segments(String name, Map<Integer, EventTrackerStatus> here) {
        return jdbc.query(
                "SELECT segment, token, token_type FROM token_entry WHERE processor_name = ? ORDER BY segment",
                (rs, n) -> {
                    TrackingToken token = token(rs);
                    long stored = token == null ? -1 : token.position().orElse(-1);
                    long inMemory = positionHere(here.get(rs.getInt("segment")));
                    return new SegmentProgress(token, Math.max(stored, inMemory));
                },
                name);
    }

    /**
     * Waits until every projection has reached {@code position}, or the timeout passed; says which. A wait that does
     * not end at once wakes the processors (they would otherwise look at their next poll), and again every {@link
     * #WAKE_UP_AGAIN} it lasts, in case a processor was busy when told and found nothing new at the end of that work.
     */
    public boolean await(long position, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long nextWakeUp = System.nanoTime();
        while (!reached(position)) {
            long now = System.nanoTime();
            if (now > deadline) {
                return false;
            }
            if (now >= nextWakeUp) {
                wakeUp.wakeUp();
                nextWakeUp = now + WAKE_UP_AGAIN.toNanos();
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }
}
