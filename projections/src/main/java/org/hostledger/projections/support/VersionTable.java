package org.hostledger.projections.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.RowMapper;

/**
 * A bitemporal table of one kind of record's states. Each row says: from {@code eff_from} to {@code eff_to} the record
 * was in this state, and the ledger believed so from {@code rec_from} to {@code rec_to}. Rows are never updated
 * except to close their belief interval; what the ledger knew at any instant stays readable.
 *
 * <p>Writes go through the {@link ProjectionBatch} of the events being processed; the rows a record is currently
 * believed to have are kept in the batch, so that several events on one record in one batch read nothing twice.
 *
 * @param <S> the record's state: a value type whose {@code equals} says whether two states are the same
 */
public final class VersionTable<S> {

    /** The place of {@code rec_to} among an insert's arguments. */
    private static final int REC_TO = 4;

    private final String table;
    private final String idColumn;
    private final RowMapper<S> stateMapper;
    private final Function<S, List<Object>> stateValues;
    private final int stateColumns;
    private final CurrentCounts<S> counts;

    private final String currentSql;
    private final String closeSql;
    private final String deleteSql;
    private final String insertSql;

    /**
     * @param stateColumns the columns that hold the state, in the order {@code stateValues} returns them
     * @param stateMapper reads a state from a row that has those columns
     */
    public VersionTable(
            String table,
            String idColumn,
            List<String> stateColumns,
            RowMapper<S> stateMapper,
            Function<S, List<Object>> stateValues) {
        this(table, idColumn, stateColumns, stateMapper, stateValues, null);
    }

    /** The same, keeping {@code counts} of the records in effect per date as rows start and stop being believed. */
    public VersionTable(
            String table,
            String idColumn,
            List<String> stateColumns,
            RowMapper<S> stateMapper,
            Function<S, List<Object>> stateValues,
            CurrentCounts<S> counts) {
        this.table = table;
        this.counts = counts;
        this.idColumn = idColumn;
        this.stateMapper = stateMapper;
        this.stateValues = stateValues;
        this.stateColumns = stateColumns.size();
        String columns = String.join(", ", stateColumns);
        this.currentSql = "SELECT eff_from, eff_to, rec_from, rec_seq, " + columns + " FROM " + table + " WHERE "
                + idColumn + " = ? AND rec_to = ? ORDER BY eff_from";
        String key = " WHERE " + idColumn + " = ? AND eff_from = ? AND rec_seq = ?";
        this.closeSql = "UPDATE " + table + " SET rec_to = ?" + key;
        this.deleteSql = "DELETE FROM " + table + key;
        this.insertSql = "INSERT INTO " + table + " (" + idColumn + ", eff_from, eff_to, rec_from, rec_to, rec_seq, "
                + columns + ") VALUES (?, ?, ?, ?, ?, ?" + ", ?".repeat(stateColumns.size()) + ")";
    }

    /** A believed row; {@code pending} while the batch has not sent its insert. */
    private record Row<S>(
            LocalDate from,
            LocalDate to,
            Instant recordedFrom,
            long recordedBy,
            S state,
            ProjectionBatch.Pending pending) {
        Segment<S> segment() {
            return new Segment<>(from, to, state);
        }
    }

    /** The timeline as the ledger currently believes it. */
    public List<Segment<S>> current(ProjectionBatch batch, String id) {
        return believed(batch, id).stream().map(Row::segment).toList();
    }

    /** A record's first timeline, written by the event that created it: there is nothing to read or close. */
    public void create(ProjectionBatch batch, String id, List<Segment<S>> timeline, EventPosition at) {
        List<Row<S>> rows = new ArrayList<>();
        for (Segment<S> segment : timeline) {
            rows.add(insert(batch, id, segment, at));
        }
        batch.cache(key(id), rows);
    }

    /**
     * Replaces the believed timeline by {@code timeline} as of the event at {@code at}: segments that did not change
     * stay as they are, the others stop being believed at that instant and the new ones start.
     */
    public void replace(ProjectionBatch batch, String id, List<Segment<S>> timeline, EventPosition at) {
        List<Row<S>> rows = believed(batch, id);
        for (Row<S> row : List.copyOf(rows)) {
            if (!timeline.contains(row.segment())) {
                close(batch, id, row, at);
                rows.remove(row);
            }
        }
        List<Segment<S>> kept = rows.stream().map(Row::segment).toList();
        for (Segment<S> segment : timeline) {
            if (!kept.contains(segment)) {
                rows.add(insert(batch, id, segment, at));
            }
        }
        rows.sort(Comparator.comparing(Row::from));
    }

    /**
     * A change effective on {@code effectiveOn}: when it falls on or after the start of the last believed segment —
     * the usual case, as lifecycle changes come in date order — only that segment is touched; otherwise the whole
     * timeline is folded again by {@code recompute}.
     */
    public void change(
            ProjectionBatch batch,
            String id,
            LocalDate effectiveOn,
            UnaryOperator<S> apply,
            EventPosition at,
            Supplier<List<Segment<S>>> recompute) {
        List<Row<S>> rows = believed(batch, id);
        Row<S> last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        if (last == null || effectiveOn.isBefore(last.from())) {
            replace(batch, id, recompute.get(), at);
            return;
        }
        S next = apply.apply(last.state());
        if (Objects.equals(next, last.state())) {
            return;
        }
        close(batch, id, last, at);
        rows.remove(rows.size() - 1);
        if (effectiveOn.isAfter(last.from())) {
            rows.add(insert(batch, id, new Segment<>(last.from(), effectiveOn, last.state()), at));
        }
        rows.add(insert(batch, id, new Segment<>(effectiveOn, last.to(), next), at));
    }

    /**
     * Ends a row's belief interval: in its insert when the batch has not sent it yet (insert-only), by an update
     * otherwise.
     */
    private void close(ProjectionBatch batch, String id, Row<S> row, EventPosition at) {
        if (counts != null) {
            counts.stopped(batch, id, row.from(), row.to(), row.state());
        }
        if (!row.recordedFrom().isBefore(at.recordedAt())) {
            // Believed for no instant at all (written at this same instant): it never was visible, so it goes.
            if (!batch.cancel(row.pending())) {
                batch.update(deleteSql, id, row.from(), row.recordedBy());
            }
        } else {
            OffsetDateTime closed = Bitemporal.timestamp(at.recordedAt());
            if (!batch.amend(row.pending(), REC_TO, closed)) {
                batch.update(closeSql, closed, id, row.from(), row.recordedBy());
            }
        }
    }

    private Row<S> insert(ProjectionBatch batch, String id, Segment<S> segment, EventPosition at) {
        List<Object> values = new ArrayList<>(6 + stateColumns);
        values.add(id);
        values.add(segment.from());
        values.add(segment.to());
        values.add(Bitemporal.timestamp(at.recordedAt()));
        values.add(Bitemporal.OPEN_TIMESTAMP);
        values.add(at.globalIndex());
        values.addAll(stateValues.apply(segment.state()));
        ProjectionBatch.Pending pending = batch.insert(insertSql, values.toArray());
        if (counts != null) {
            counts.started(batch, id, segment.from(), segment.to(), segment.state());
        }
        return new Row<>(segment.from(), segment.to(), at.recordedAt(), at.globalIndex(), segment.state(), pending);
    }

    /** The believed rows, ordered by start: the batch's own copy when it has one, the database's otherwise. */
    private List<Row<S>> believed(ProjectionBatch batch, String id) {
        List<Row<S>> cached = batch.cached(key(id));
        if (cached != null) {
            return cached;
        }
        List<Row<S>> rows = new ArrayList<>(batch.jdbc().query(currentSql, this::row, id, Bitemporal.OPEN_TIMESTAMP));
        batch.cache(key(id), rows);
        return rows;
    }

    private String key(String id) {
        return table + ":" + id;
    }

    private Row<S> row(ResultSet rs, int n) throws SQLException {
        return new Row<>(
                rs.getObject("eff_from", LocalDate.class),
                rs.getObject("eff_to", LocalDate.class),
                rs.getObject("rec_from", OffsetDateTime.class).toInstant(),
                rs.getLong("rec_seq"),
                stateMapper.mapRow(rs, n),
                null);
    }

    @Override
    public String toString() {
        return table;
    }
}
