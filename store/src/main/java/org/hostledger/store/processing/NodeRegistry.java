package org.hostledger.store.processing;

import java.net.InetAddress;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventhandling.pooled.MaxSegmentProvider;
import org.hostledger.store.maintenance.BackgroundTasks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The live application nodes, as the shared database sees them: each node renews its row every second. The
 * projections' segments are spread over the live nodes — a node claims at most its share — so that a joining node
 * gets work (the others release their surplus) and a dead node's segments are taken over once its claims expire.
 * Time is the database's, so the nodes' clocks need not agree.
 *
 * <p>The share is of the segments a processor's tokens actually have in the store, read at every beat; the
 * configured count ({@code hostledger.projection-segments}) is only a new processor's, the one Axon creates its first
 * tokens with. A store created with four segments and opened with another setting still has every segment processed.
 */
public class NodeRegistry implements SmartLifecycle, MaxSegmentProvider {

    private static final Logger log = LoggerFactory.getLogger(NodeRegistry.class);

    private final JdbcTemplate jdbc;
    private final Duration liveness;
    private final int segments;
    private final String nodeId;
    private ScheduledExecutorService heartbeat;
    private volatile int liveNodes = 1;
    private volatile Map<String, Integer> storedSegments = Map.of();
    private volatile boolean running;

    public NodeRegistry(
            JdbcTemplate jdbc,
            @Value("${hostledger.node-liveness:5s}") Duration liveness,
            @Value("${hostledger.projection-segments:4}") int segments) {
        this.jdbc = jdbc;
        this.liveness = liveness;
        this.segments = segments;
        this.nodeId = hostName() + "/" + ProcessHandle.current().pid() + "/"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    public String nodeId() {
        return nodeId;
    }

    public int liveNodes() {
        return liveNodes;
    }

    /**
     * This node's share of a processor's segments: all of them when alone. Its segments are those its tokens have in
     * the store, or the configured count for a processor that has no token yet.
     */
    @Override
    public int getMaxSegments(String processingGroup) {
        int total = storedSegments.getOrDefault(processingGroup, segments);
        return (total + liveNodes - 1) / Math.max(1, liveNodes);
    }

    void beat() {
        try {
            if (jdbc.update("UPDATE ledger_node SET last_seen = CURRENT_TIMESTAMP WHERE node_id = ?", nodeId) == 0) {
                jdbc.update("INSERT INTO ledger_node (node_id, last_seen) VALUES (?, CURRENT_TIMESTAMP)", nodeId);
            }
            OffsetDateTime now = jdbc.queryForObject("SELECT CURRENT_TIMESTAMP", OffsetDateTime.class);
            List<OffsetDateTime> seen = jdbc.queryForList("SELECT last_seen FROM ledger_node", OffsetDateTime.class);
            OffsetDateTime threshold = now.minus(liveness);
            int live = (int) seen.stream().filter(t -> t.isAfter(threshold)).count();
            if (live != liveNodes) {
                log.info("{} live node(s) share the projections", Math.max(1, live));
            }
            liveNodes = Math.max(1, live);
            Map<String, Integer> stored = new HashMap<>();
            jdbc.query("SELECT processor_name, COUNT(*) FROM token_entry GROUP BY processor_name", rs -> {
                stored.put(rs.getString(1), rs.getInt(2));
            });
            storedSegments = Map.copyOf(stored);
            jdbc.update("DELETE FROM ledger_node WHERE last_seen < ?", now.minus(liveness.multipliedBy(12)));
        } catch (RuntimeException e) {
            log.warn("node heartbeat failed: {}", e.getMessage());
        }
    }

    @Override
    public void start() {
        beat();
        heartbeat = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "hostledger-node-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        heartbeat.scheduleWithFixedDelay(this::beat, 1, 1, TimeUnit.SECONDS);
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        if (heartbeat != null) {
            // A beat under way ends first (an interrupt in H2's file I/O would close the database), so that it cannot
            // write the row back after it is deleted.
            BackgroundTasks.stop(heartbeat, "the node's heartbeat");
        }
        try {
            jdbc.update("DELETE FROM ledger_node WHERE node_id = ?", nodeId);
        } catch (RuntimeException e) {
            log.debug("could not unregister node {}", nodeId, e);
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Before the processors start (they start in a later phase), so that the first share is already right. */
    @Override
    public int getPhase() {
        return Integer.MIN_VALUE + 1000;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "node";
        }
    }
}
