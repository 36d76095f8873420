package org.hostledger.projections.support;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The writes of one batch of events, sent to the database as JDBC batches when the batch commits: every insert
 * first (grouped by statement, in first-use order), then every update and delete, which target rows by primary key
 * or by record id and so may safely follow inserts made earlier in the batch. A row inserted and then closed, changed
 * or dropped within the batch is sent once, as it ends — no update follows its insert. Reads that must see the
 * batch's own writes either use the batch's cache or {@link #flush()} first.
 *
 * <p>A processor handles a batch of events in one unit of work and one transaction; the batch lives as long as that
 * unit of work. Without one (a handler called directly), each write goes to the database at once.
 */
public final class ProjectionBatch {

    private static final String RECORD = "record-row:";

    /**
     * The unit of work resource that marks a bulk replay's batch: {@code AfterBulkReplay.RESOURCE} of the store module,
     * which this module does not depend on (a test in the application checks that both say the same).
     */
    public static final String BULK_REPLAY = "hostledger.bulk-replay";

    private final JdbcTemplate jdbc;
    private final boolean immediate;
    private final boolean bulkReplay;
    private final Map<String, List<Object[]>> inserts = new LinkedHashMap<>();
    private final Map<String, List<Object[]>> updates = new LinkedHashMap<>();
    private final Map<String, Map<Object, Object[]>> lastUpdates = new LinkedHashMap<>();
    private final Set<Object[]> cancelled = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Map<String, Object> cache = new HashMap<>();
    private final Map<String, TreeMap<CountKey, Long>> counts = new LinkedHashMap<>();
    private long flushes;

    private ProjectionBatch(JdbcTemplate jdbc, boolean immediate, boolean bulkReplay) {
        this.jdbc = jdbc;
        this.immediate = immediate;
        this.bulkReplay = bulkReplay;
    }

    /** The batch of the unit of work being processed, for the projection {@code name}. */
    public static ProjectionBatch current(JdbcTemplate jdbc, String name) {
        if (!CurrentUnitOfWork.isStarted()) {
            return new ProjectionBatch(jdbc, true, false);
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource("hostledger-projection-batch:" + name, key -> {
            ProjectionBatch batch =
                    new ProjectionBatch(jdbc, false, Boolean.TRUE.equals(root.getResource(BULK_REPLAY)));
            root.onPrepareCommit(u -> batch.flush());
            return batch;
        });
    }

    public JdbcTemplate jdbc() {
        return jdbc;
    }

    /**
     * An insert, sent with the batch; answers the row while it is still to be sent (null when written at once), so
     * that later events of the batch can {@link #amend} or {@link #cancel} it rather than update or delete it.
     */
    public Pending insert(String sql, Object... args) {
        if (immediate) {
            jdbc.update(sql, args);
            return null;
        }
        inserts.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        return new Pending(args, flushes);
    }

    /** An update or delete by key; runs after every insert of the batch. */
    public void update(String sql, Object... args) {
        if (immediate) {
            jdbc.update(sql, args);
        } else {
            updates.computeIfAbsent(sql, k -> new ArrayList<>()).add(args);
        }
    }

    /**
     * An update of the row keyed {@code key} of which only the batch's last counts, such as a record's latest
     * version number: a row this batch inserts and has not sent yet takes the value in its insert (its argument
     * {@code index} set to {@code value}); otherwise an earlier such update of the batch is replaced.
     */
    public void updateLast(Pending inserted, int index, Object value, String sql, Object key, Object... args) {
        if (amend(inserted, index, value)) {
            return;
        }
        if (immediate) {
            jdbc.update(sql, args);
        } else {
            lastUpdates.computeIfAbsent(sql, k -> new LinkedHashMap<>()).put(key, args);
        }
    }

    /** Inserts the row of record {@code key} that {@link #updateInserted} may later change. */
    public void insertRecord(String key, String sql, Object... args) {
        cache(RECORD + key, insert(sql, args));
    }

    /**
     * Sets argument {@code index} of record {@code key}'s insert to {@code value} while this batch has not sent it, or
     * else updates the row with {@code sql} and {@code args}, of which the batch's last update of that row counts.
     */
    public void updateInserted(String key, int index, Object value, String sql, Object... args) {
        updateLast(cached(RECORD + key), index, value, sql, key, args);
    }

    /** Sets argument {@code index} of a row this batch inserts; false when it was sent already (or never pending). */
    public boolean amend(Pending row, int index, Object value) {
        if (!pending(row)) {
            return false;
        }
        row.args[index] = value;
        return true;
    }

    /** Drops a row this batch was to insert; false when it was sent already (or never pending). */
    public boolean cancel(Pending row) {
        if (!pending(row)) {
            return false;
        }
        cancelled.add(row.args);
        return true;
    }

    private boolean pending(Pending row) {
        return row != null && !immediate && row.flush == flushes && !cancelled.contains(row.args);
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

    /**
     * Adds {@code delta} to the row ({@code date}, {@code group}, {@code stripe}) of count table {@code table} (see
     * {@link CurrentCounts}). The batch sums its changes per row and sends them after its other writes, in key order,
     * so that two batches updating the same rows lock them in the same order.
     *
     * <p>Not in a bulk replay's batches (their unit of work holds the resource {@link #BULK_REPLAY}): a rebuild
     * counts once at its end, from the version rows ({@link CurrentCounts#recount}).
     */
    public void count(String table, LocalDate date, String group, int stripe, long delta) {
        if (bulkReplay) {
            return;
        }
        counts.computeIfAbsent(table, k -> new TreeMap<>(CountKey.ORDER))
                .merge(new CountKey(date, group, stripe), delta, Long::sum);
        if (immediate) {
            sendCounts();
        }
    }

    private record CountKey(LocalDate date, String group, int stripe) {
        static final Comparator<CountKey> ORDER = Comparator.comparing(CountKey::date)
                .thenComparing(CountKey::group)
                .thenComparingInt(CountKey::stripe);
    }

    /** Each count row's change: an update where the row exists, an insert where the update found none. */
    private void sendCounts() {
        for (Map.Entry<String, TreeMap<CountKey, Long>> table : counts.entrySet()) {
            List<Object[]> changes = new ArrayList<>();
            table.getValue().forEach((key, delta) -> {
                if (delta != 0) {
                    changes.add(new Object[] {delta, key.date(), key.group(), key.stripe()});
                }
            });
            if (changes.isEmpty()) {
                continue;
            }
            int[] updated = jdbc.batchUpdate(
                    "UPDATE " + table.getKey() + " SET delta = delta + ? WHERE eff_date = ? AND grp = ? AND stripe = ?",
                    changes);
            List<Object[]> missing = new ArrayList<>();
            for (int i = 0; i < changes.size(); i++) {
                if (updated[i] == 0) {
                    Object[] change = changes.get(i);
                    missing.add(new Object[] {change[1], change[2], change[3], change[0]});
                } else if (updated[i] != 1) {
                    // A driver that does not say whether a row was there would have us lose or double a change.
                    throw new IllegalStateException(
                            "the database did not say whether count row " + List.of(changes.get(i)) + " of "
                                    + table.getKey() + " exists (update count " + updated[i] + ")");
                }
            }
            if (!missing.isEmpty()) {
                jdbc.batchUpdate(
                        "INSERT INTO " + table.getKey() + " (eff_date, grp, stripe, delta) VALUES (?, ?, ?, ?)",
                        missing);
            }
        }
        counts.clear();
    }

    /** Sends what is pending, so that plain reads see it. The cache is dropped: the database is the truth again. */
    public void flush() {
        for (Map.Entry<String, List<Object[]>> group : inserts.entrySet()) {
            List<Object[]> rows = group.getValue();
            if (!cancelled.isEmpty()) {
                rows = rows.stream().filter(row -> !cancelled.contains(row)).toList();
            }
            if (!rows.isEmpty()) {
                jdbc.batchUpdate(group.getKey(), rows);
            }
        }
        for (Map.Entry<String, List<Object[]>> group : updates.entrySet()) {
            jdbc.batchUpdate(group.getKey(), group.getValue());
        }
        for (Map.Entry<String, Map<Object, Object[]>> group : lastUpdates.entrySet()) {
            jdbc.batchUpdate(group.getKey(), new ArrayList<>(group.getValue().values()));
        }
        sendCounts();
        inserts.clear();
        updates.clear();
        lastUpdates.clear();
        cancelled.clear();
        cache.clear();
        flushes++;
    }

    /**
     * A row inserted by a batch, until the batch sends it: a belief interval closed by a later event of the same
     * batch is then written closed, and a row believed for no instant at all is not written — insert-only version
     * rows for a record's changes that fall in one batch, as a replay's do.
     */
    public static final class Pending {
        private final Object[] args;
        private final long flush;

        private Pending(Object[] args, long flush) {
            this.args = args;
            this.flush = flush;
        }
    }
}
