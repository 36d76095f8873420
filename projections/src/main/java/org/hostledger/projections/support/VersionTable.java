package org.hostledger.projections.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * A bitemporal table of one kind of record's states. Each row says: from {@code eff_from} to {@code eff_to} the record
 * was in this state, and the ledger believed so from {@code rec_from} to {@code rec_to}. Rows are never updated
 * except to close their belief interval; what the ledger knew at any instant stays readable.
 *
 * @param <S> the record's state: a value type whose {@code equals} says whether two states are the same
 */
public final class VersionTable<S> {

    private final JdbcTemplate jdbc;
    private final String table;
    private final String idColumn;
    private final List<String> stateColumns;
    private final RowMapper<S> stateMapper;
    private final Function<S, List<Object>> stateValues;

    private final String currentSql;
    private final String lastSql;
    private final String closeSql;
    private final String deleteSql;
    private final String insertSql;

    /**
     * @param stateColumns the columns that hold the state, in the order {@code stateValues} returns them
     * @param stateMapper reads a state from a row that has those columns
     */
    public VersionTable(
            JdbcTemplate jdbc,
            String table,
            String idColumn,
            List<String> stateColumns,
            RowMapper<S> stateMapper,
            Function<S, List<Object>> stateValues) {
        this.jdbc = jdbc;
        this.table = table;
        this.idColumn = idColumn;
        this.stateColumns = List.copyOf(stateColumns);
        this.stateMapper = stateMapper;
        this.stateValues = stateValues;
        String columns = String.join(", ", stateColumns);
        this.currentSql = "SELECT eff_from, eff_to, rec_from, " + columns + " FROM " + table + " WHERE " + idColumn
                + " = ? AND rec_to = ? ORDER BY eff_from";
        this.lastSql = "SELECT eff_from, eff_to, rec_from, " + columns + " FROM " + table + " WHERE " + idColumn
                + " = ? AND rec_to = ? ORDER BY eff_from DESC FETCH FIRST 1 ROWS ONLY";
        this.closeSql = "UPDATE " + table + " SET rec_to = ? WHERE " + idColumn + " = ? AND eff_from = ? AND rec_to = ?";
        this.deleteSql = "DELETE FROM " + table + " WHERE " + idColumn + " = ? AND eff_from = ? AND rec_to = ?";
        this.insertSql = "INSERT INTO " + table + " (" + idColumn + ", eff_from, eff_to, rec_from, rec_to, rec_seq, "
                + columns + ") VALUES (?, ?, ?, ?, ?, ?"
                + ", ?".repeat(stateColumns.size()) + ")";
    }

    private record Row<S>(LocalDate from, LocalDate to, Instant recordedFrom, S state) {
        Segment<S> segment() {
            return new Segment<>(from, to, state);
        }
    }

    /** The timeline as the ledger currently believes it. */
    public List<Segment<S>> current(String id) {
        return rows(currentSql, id).stream().map(Row::segment).toList();
    }

    /**
     * Replaces the believed timeline by {@code timeline} as of the event at {@code at}: segments that did not change
     * stay as they are, the others stop being believed at that instant and the new ones start.
     */
    public void replace(String id, List<Segment<S>> timeline, EventPosition at) {
        List<Row<S>> believed = rows(currentSql, id);
        for (Row<S> row : believed) {
            if (!timeline.contains(row.segment())) {
                close(id, row, at);
            }
        }
        List<Segment<S>> kept = believed.stream().map(Row::segment).toList();
        for (Segment<S> segment : timeline) {
            if (!kept.contains(segment)) {
                insert(id, segment, at);
            }
        }
    }

    /**
     * A change effective on {@code effectiveOn}: when it falls on or after the start of the last believed segment —
     * the usual case, as lifecycle changes come in date order — only that segment is touched; otherwise the whole
     * timeline is folded again by {@code recompute}.
     */
    public void change(
            String id,
            LocalDate effectiveOn,
            UnaryOperator<S> apply,
            EventPosition at,
            Supplier<List<Segment<S>>> recompute) {
        List<Row<S>> last = rows(lastSql, id);
        if (last.isEmpty() || effectiveOn.isBefore(last.get(0).from())) {
            replace(id, recompute.get(), at);
            return;
        }
        Row<S> row = last.get(0);
        S next = apply.apply(row.state());
        if (Objects.equals(next, row.state())) {
            return;
        }
        close(id, row, at);
        if (effectiveOn.isAfter(row.from())) {
            insert(id, new Segment<>(row.from(), effectiveOn, row.state()), at);
        }
        insert(id, new Segment<>(effectiveOn, row.to(), next), at);
    }

    public void deleteAll() {
        jdbc.update("DELETE FROM " + table);
    }

    private void close(String id, Row<S> row, EventPosition at) {
        if (!row.recordedFrom().isBefore(at.recordedAt())) {
            // Believed for no instant at all (written at this same instant): it never was visible, so it goes.
            jdbc.update(deleteSql, id, row.from(), Bitemporal.OPEN_TIMESTAMP);
        } else {
            jdbc.update(closeSql, Bitemporal.timestamp(at.recordedAt()), id, row.from(), Bitemporal.OPEN_TIMESTAMP);
        }
    }

    private void insert(String id, Segment<S> segment, EventPosition at) {
        List<Object> values = new ArrayList<>(6 + stateColumns.size());
        values.add(id);
        values.add(segment.from());
        values.add(segment.to());
        values.add(Bitemporal.timestamp(at.recordedAt()));
        values.add(Bitemporal.OPEN_TIMESTAMP);
        values.add(at.globalIndex());
        values.addAll(stateValues.apply(segment.state()));
        jdbc.update(insertSql, values.toArray());
    }

    private List<Row<S>> rows(String sql, String id) {
        return jdbc.query(sql, (rs, n) -> row(rs, n), id, Bitemporal.OPEN_TIMESTAMP);
    }

    private Row<S> row(ResultSet rs, int n) throws SQLException {
        return new Row<>(
                rs.getObject("eff_from", LocalDate.class),
                rs.getObject("eff_to", LocalDate.class),
                rs.getObject("rec_from", OffsetDateTime.class).toInstant(),
                stateMapper.mapRow(rs, n));
    }

    @Override
    public String toString() {
        return table + "(" + idColumn + ", " + stateColumns.stream().collect(Collectors.joining(", ")) + ")";
    }
}
