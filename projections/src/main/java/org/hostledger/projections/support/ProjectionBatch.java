package org.hostledger.projections.support;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of one batch of events, sent to the database as JDBC batches when the batch commits: every insert
 * first (grouped by statement, in first-use order), then every update and delete, which target rows by primary key
 * or by record id and so may safely follow inserts made earlier in the batch. Reads that must see the batch's own
 * writes either use the batch's cache or {@link #flush()} first.
 *
 * <p>A processor handles a batch of events in one unit of work and one transaction; the batch lives as long as that
 * unit of work. Without one (a handler called directly), each write goes to the database at once.
 */
public final class ProjectionBatch {

    private final JdbcTemplate jdbc;
    private final boolean immediate;
    private final Map<String, List<Object[]>> inserts = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> updates = new LinkedHashMap<>();
    private final Map<String, Object> cache = new HashMap<>();

    private ProjectionBatch(JdbcTemplate jdbc, boolean immediate) {
        this.jdbc = jdbc;
        this.immediate = immediate;
    }

    /** The batch of the unit of work being processed, for the projection {@code name}. */
    public static ProjectionBatch current(JdbcTemplate jdbc, String name) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ProjectionBatch(jdbc, true);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource("hostledger-projection-batch:" + name, key -> {
            ProjectionBatch batch = new ProjectionBatch(jdbc, false);
            root.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    public void insert(String sql, Object... args) {
        if (immediate) {
            jdbc.update(sql, args);
        } else {
            inserts.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        }
    }

    /** An update or delete by key; runs after every insert of the batch. */
    public void update(String sql, Object... args) {
        if (immediate) {
            jdbc.update(sql, args);
        } else {
            updates.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        }
    }

    /** Something read in this batch and kept up to date by it, such as a record's believed versions. */
    @SuppressWarnings("unchecked")
    public <T> T cached(String key) {
        return (T) cache.get(key);
    }

    public void cache(String key, Object value) {
        if (!immediate) {
            cache.put(key, value);
        }
    }

    /** Sends what is pending, so that plain reads see it. The cache is dropped: the database is the truth again. */
    public void flush() {
        for (Map.Entry<String, List<Object[]>> group : inserts.entrySet()) {
            jdbc.batchUpdate(group.getKey(), group.getValue());
        }
        for (Map.Entry<String, List<Object[]>> group : updates.entrySet()) {
            jdbc.batchUpdate(group.getKey(), group.getValue());
        }
        inserts.clear();
        updates.clear();
        cache.clear();
    }
}
