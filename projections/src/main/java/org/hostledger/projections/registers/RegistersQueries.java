package org.hostledger.projections.registers;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.hostledger.core.query.FindRegisterHoldings;
import org.hostledger.core.query.ListRegisterChanges;
import org.hostledger.core.query.ListRegisterEntries;
import org.hostledger.core.query.ListRegisterFindings;
import org.hostledger.core.query.ListRegisterSnapshots;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.RegisterChangePage;
import org.hostledger.core.query.RegisterChangeView;
import org.hostledger.core.query.RegisterEntryPage;
import org.hostledger.core.query.RegisterEntryView;
import org.hostledger.core.query.RegisterFindingPage;
import org.hostledger.core.query.RegisterFindingView;
import org.hostledger.core.query.RegisterHoldings;
import org.hostledger.core.query.RegisterSnapshotPage;
import org.hostledger.core.query.RegisterSnapshotView;
import org.hostledger.projections.support.AsOf;
import org.hostledger.projections.support.Bitemporal;
import org.hostledger.projections.support.Search;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the registers view. */
@Component
public class RegistersQueries {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, Integer>> COUNTS = new TypeReference<>() {};
    private static final String PAGE = " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY";

    private final NamedParameterJdbcTemplate jdbc;

    public RegistersQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public RegisterEntryPage handle(ListRegisterEntries query) {
        MapSqlParameterSource params = AsOf.params(query.at()).addValue("register", query.register());
        StringBuilder where = new StringBuilder(" FROM rm_register_entry_version v WHERE v.register = :register AND ")
                .append(AsOf.version("v"));
        if (query.status() != null) {
            where.append(" AND v.status = :status");
            params.addValue("status", query.status());
        }
        if (query.level() != null) {
            where.append(" AND v.level = :level");
            params.addValue("level", query.level());
        }
        if (query.q() != null) {
            where.append(" AND ").append(Search.anyContains("v.entry_id", "v.name", "v.provider"));
            Search.bind(params, query.q());
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        paging(params, query.page());
        List<RegisterEntryView> items = jdbc.query(
                "SELECT v.*, (SELECT MAX(s.published_at) FROM rm_register_snapshot s WHERE s.register = v.register"
                        + " AND s.published_on <= :asOf AND s.rec_from <= :knownAt) AS latest_snapshot" + where
                        + " ORDER BY v.entry_id" + PAGE,
                params,
                RegistersQueries::entry);
        return new RegisterEntryPage(items, query.page().page(), query.page().size(), total);
    }

    private static RegisterEntryView entry(ResultSet rs, int n) throws SQLException {
        EntryState state = RegistersProjection.state(rs, n);
        Instant lastSeenIn = state.listed() ? instant(rs, "latest_snapshot") : state.lastSeenIn();
        return new RegisterEntryView(
                state.entryId(),
                state.facts().certificationId(),
                state.facts().hostId(),
                state.facts().name(),
                state.facts().provider(),
                state.facts().status(),
                state.facts().stage(),
                state.facts().level(),
                state.facts().assessor(),
                state.listed(),
                state.firstListedOn(),
                lastSeenIn);
    }

    @QueryHandler
    public RegisterSnapshotPage handle(ListRegisterSnapshots query) {
        MapSqlParameterSource params =
                new MapSqlParameterSource("register", query.register()).addValue("knownAt", knownAt(query.knownAt()));
        String where = " FROM rm_register_snapshot s WHERE s.register = :register AND s.rec_from <= :knownAt";
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        paging(params, query.page());
        List<RegisterSnapshotView> items = jdbc.query(
                "SELECT s.*" + where + " ORDER BY s.published_at DESC" + PAGE, params, RegistersQueries::snapshot);
        return new RegisterSnapshotPage(items, query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    public RegisterChangePage handle(ListRegisterChanges query) {
        MapSqlParameterSource params =
                new MapSqlParameterSource("register", query.register()).addValue("knownAt", knownAt(query.knownAt()));
        StringBuilder where =
                new StringBuilder(" FROM rm_register_change c WHERE c.register = :register AND c.rec_from <= :knownAt");
        if (query.from() != null) {
            where.append(" AND c.effective_on >= :from");
            params.addValue("from", query.from());
        }
        if (query.to() != null) {
            where.append(" AND c.effective_on <= :to");
            params.addValue("to", query.to());
        }
        if (query.sha256() != null) {
            where.append(" AND c.sha256 = :sha256");
            params.addValue("sha256", query.sha256());
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        paging(params, query.page());
        List<RegisterChangeView> items = jdbc.query(
                "SELECT c.*" + where + " ORDER BY c.effective_on, c.rec_seq, c.field_no" + PAGE,
                params,
                (rs, n) -> new RegisterChangeView(
                        rs.getString("entry_id"),
                        rs.getString("kind"),
                        rs.getString("before_value"),
                        rs.getString("after_value"),
                        rs.getObject("effective_on", LocalDate.class),
                        instant(rs, "published_at"),
                        rs.getString("sha256"),
                        instant(rs, "rec_from"),
                        rs.getLong("rec_seq")));
        return new RegisterChangePage(items, query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    public RegisterFindingPage handle(ListRegisterFindings query) {
        MapSqlParameterSource params = new MapSqlParameterSource("register", query.register());
        StringBuilder where = new StringBuilder(" FROM rm_register_finding f WHERE f.register = :register");
        if (query.publishedAt() != null) {
            where.append(" AND f.published_at = :publishedAt");
            params.addValue("publishedAt", Bitemporal.timestamp(query.publishedAt()));
        }
        if (query.kind() != null) {
            where.append(" AND f.kind = :kind");
            params.addValue("kind", query.kind());
        }
        long total = jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        paging(params, query.page());
        List<RegisterFindingView> items = jdbc.query(
                "SELECT f.*" + where + " ORDER BY f.published_at DESC, f.finding_no" + PAGE,
                params,
                (rs, n) -> new RegisterFindingView(
                        instant(rs, "published_at"),
                        rs.getString("where_in_file"),
                        rs.getString("entry_id"),
                        rs.getString("field"),
                        rs.getString("kind"),
                        rs.getString("raw_value")));
        return new RegisterFindingPage(items, query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    public RegisterHoldings handle(FindRegisterHoldings query) {
        MapSqlParameterSource params = new MapSqlParameterSource("register", query.register())
                .addValue("open", Bitemporal.OPEN_TIMESTAMP)
                .addValue("openDate", Bitemporal.OPEN_DATE)
                .addValue("sha256", query.sha256());
        Map<String, RegisterHoldings.Holding> entries = new HashMap<>();
        jdbc.query(
                "SELECT * FROM rm_register_entry_version WHERE register = :register AND rec_to = :open"
                        + " AND eff_to = :openDate",
                params,
                rs -> {
                    EntryState state = RegistersProjection.state(rs, 0);
                    entries.put(
                            state.entryId(),
                            new RegisterHoldings.Holding(
                                    state.facts(), state.listed(), rs.getObject("eff_from", LocalDate.class)));
                });
        List<RegisterSnapshotView> latest = jdbc.query(
                "SELECT * FROM rm_register_snapshot WHERE register = :register ORDER BY published_at DESC"
                        + " FETCH FIRST 1 ROWS ONLY",
                params,
                RegistersQueries::snapshot);
        List<RegisterSnapshotView> imported = jdbc.query(
                "SELECT * FROM rm_register_snapshot WHERE register = :register AND sha256 = :sha256",
                params,
                RegistersQueries::snapshot);
        Map<String, Integer> citing = new LinkedHashMap<>();
        jdbc.query(
                "SELECT kind, COUNT(*) AS n FROM rm_register_change WHERE register = :register AND sha256 = :sha256"
                        + " GROUP BY kind",
                params,
                rs -> {
                    citing.put(rs.getString("kind"), rs.getInt("n"));
                });
        return new RegisterHoldings(
                entries, latest.isEmpty() ? null : latest.get(0), imported.isEmpty() ? null : imported.get(0), citing);
    }

    private static RegisterSnapshotView snapshot(ResultSet rs, int n) throws SQLException {
        Map<String, Integer> changes;
        try {
            changes = JSON.readValue(rs.getString("changes"), COUNTS);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("rm_register_snapshot.changes holds malformed JSON", e);
        }
        return new RegisterSnapshotView(
                rs.getString("register"),
                instant(rs, "published_at"),
                rs.getString("sha256"),
                rs.getString("url"),
                instant(rs, "rec_from"),
                rs.getLong("rec_seq"),
                rs.getInt("entries"),
                changes,
                rs.getInt("findings"));
    }

    private static void paging(MapSqlParameterSource params, PageRequest page) {
        params.addValue("offset", page.offset()).addValue("size", page.size());
    }

    private static OffsetDateTime knownAt(Instant knownAt) {
        return Bitemporal.timestamp(knownAt == null ? Bitemporal.LATEST_KNOWLEDGE : knownAt);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
