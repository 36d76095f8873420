package org.hostledger.projections.support;

import java.time.LocalDate;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * How many records of a {@link VersionTable} are in effect on any date as the ledger knows it now, kept as the table's
 * rows are written rather than counted over the table per read.
 *
 * <p>A believed version row that holds from {@code from} to {@code to} adds one on {@code from} and takes one away on
 * {@code to}; a row that stops being believed does the opposite. The count table holds those changes summed per date
 * and group (e.g. a decision's status), so the records in effect on {@code asOf} are the changes on or before it.
 * Every row adds as much as it takes away, so the changes of a group sum to zero and the same number is minus the
 * changes <em>after</em> {@code asOf}: for today, the few dates still to come and the open end — a handful of rows
 * where the count over the version table reads every current row.
 *
 * <p>Each record writes to one of {@value #STRIPES} stripes, chosen like Axon chooses a record's segment (the hash of
 * its id under a mask), so that processors working on different segments never update the same count row: no lock
 * waits between them, and no two of them insert the same row at once. That holds for up to {@value #STRIPES}
 * segments; beyond, two segments may share a stripe and at worst wait for each other or retry a batch.
 *
 * <p>The table has columns {@code eff_date, grp, stripe, delta}, with that primary key but {@code delta}.
 *
 * @param <S> the record's state, from which the group is read
 */
public final class CurrentCounts<S> {

    public static final int STRIPES = 16;

    private final String table;
    private final Function<S, String> group;
    private final String versionTable;
    private final String groupColumn;

    /**
     * @param table the count table
     * @param group the group a state counts in (e.g. its status); a read may ask one group or all of them
     * @param versionTable the version table whose rows are counted
     * @param groupColumn the same group as an SQL expression over {@code versionTable}'s columns
     */
    public CurrentCounts(String table, Function<S, String> group, String versionTable, String groupColumn) {
        this.table = table;
        this.group = group;
        this.versionTable = versionTable;
        this.groupColumn = groupColumn;
    }

    /**
     * Counts again, from the version rows believed now, after a bulk replay that left the counts out (see {@link
     * ProjectionBatch#count}): one pass over the version table instead of an update of count rows in every batch.
     * Every row goes to stripe 0 — a sum does not care; the stripes only keep concurrent segments apart.
     */
    public void recount(JdbcTemplate jdbc) {
        jdbc.update("DELETE FROM " + table);
        String believed = " FROM " + versionTable + " WHERE rec_to > ?";
        jdbc.update(
                "INSERT INTO " + table + " (eff_date, grp, stripe, delta)"
                        + " SELECT eff_date, grp, 0, SUM(delta) FROM ("
                        + " SELECT eff_from AS eff_date, " + groupColumn + " AS grp, 1 AS delta" + believed
                        + " UNION ALL"
                        + " SELECT eff_to AS eff_date, " + groupColumn + " AS grp, -1 AS delta" + believed
                        + ") changes GROUP BY eff_date, grp HAVING SUM(delta) <> 0",
                Bitemporal.timestamp(Bitemporal.LATEST_KNOWLEDGE),
                Bitemporal.timestamp(Bitemporal.LATEST_KNOWLEDGE));
    }

    /** A row of record {@code id} in {@code state} from {@code from} to {@code to} starts being believed. */
    void started(ProjectionBatch batch, String id, LocalDate from, LocalDate to, S state) {
        add(batch, id, from, to, state, 1);
    }

    /** A row that was believed stops being so (closed, or dropped before anyone could see it). */
    void stopped(ProjectionBatch batch, String id, LocalDate from, LocalDate to, S state) {
        add(batch, id, from, to, state, -1);
    }

    private void add(ProjectionBatch batch, String id, LocalDate from, LocalDate to, S state, int sign) {
        int stripe = stripe(id);
        String grp = group.apply(state);
        batch.count(table, from, grp, stripe, sign);
        batch.count(table, to, grp, stripe, -sign);
    }

    /** The stripe of record {@code id}: its hash under a mask, as Axon places it in a segment. */
    private static int stripe(String id) {
        return id.hashCode() & (STRIPES - 1);
    }

    /**
     * How many records are in effect on {@code asOf} as known now: in all, or in {@code group} alone when it is not
     * null.
     */
    public long total(NamedParameterJdbcTemplate jdbc, LocalDate asOf, String group) {
        MapSqlParameterSource params = new MapSqlParameterSource("asOf", asOf);
        String sql = "SELECT -COALESCE(SUM(delta), 0) FROM " + table + " WHERE eff_date > :asOf";
        if (group != null) {
            sql += " AND grp = :grp";
            params.addValue("grp", group);
        }
        return jdbc.queryForObject(sql, params, Long.class);
    }

    public String table() {
        return table;
    }
}
