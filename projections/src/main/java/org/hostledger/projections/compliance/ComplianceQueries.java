package org.hostledger.projections.compliance;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.hostledger.core.alert.AlertKind;
import org.hostledger.core.query.ComplianceAlerts;
import org.hostledger.core.query.ComplianceStatus;
import org.hostledger.core.query.ListComplianceAlerts;
import org.hostledger.projections.support.Activities;
import org.hostledger.projections.support.AsOf;
import org.hostledger.projections.support.JsonColumns;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Compliance alerts: decisions in force whose activities are not all covered by valid HDS certificates of their
 * host, valid certificates of hosts in use that end within the horizon asked (by default
 * {@value #EXPIRY_WINDOW_DAYS} days), and a page of the alerts recorded as events ({@code rm_alert}).
 */
@Component
public class ComplianceQueries {

    public static final int EXPIRY_WINDOW_DAYS = ListComplianceAlerts.DEFAULT_HORIZON_DAYS;

    private final NamedParameterJdbcTemplate jdbc;

    public ComplianceQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ComplianceAlerts handle(ListComplianceAlerts query) {
        MapSqlParameterSource params =
                AsOf.params(query.at()).addValue("horizon", query.at().asOf().plusDays(query.horizonDays()));
        List<ComplianceAlerts.Gap> gaps = gaps(params);
        List<ComplianceAlerts.Expiry> expiries = expiring(query, params);
        String where = " WHERE " + AsOf.fact("a")
                + (query.kind() == null ? "" : " AND a.kind = :kind")
                + (query.hostId() == null ? "" : " AND a.host_id = :hostId")
                + (query.recordId() == null ? "" : " AND a.record_id = :recordId");
        params.addValue("kind", query.kind())
                .addValue("hostId", query.hostId())
                .addValue("recordId", query.recordId())
                .addValue("limit", query.page().size())
                .addValue("offset", query.page().offset());
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM rm_alert a" + where, params, Long.class);
        List<ComplianceAlerts.RecordedAlert> recorded = jdbc.query(
                "SELECT a.* FROM rm_alert a" + where
                        + " ORDER BY a.rec_seq DESC OFFSET :offset ROWS FETCH NEXT :limit ROWS ONLY",
                params,
                (rs, n) -> new ComplianceAlerts.RecordedAlert(
                        rs.getString("alert_key"),
                        AlertKind.valueOf(rs.getString("kind")),
                        rs.getString("record_id"),
                        rs.getString("host_id"),
                        rs.getString("occurrence"),
                        JsonColumns.texts(rs.getString("decisions")),
                        rs.getObject("valid_until", LocalDate.class),
                        Activities.parse(rs.getString("uncovered")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getObject("rec_from", OffsetDateTime.class).toInstant(),
                        rs.getLong("rec_seq")));
        return new ComplianceAlerts(
                query.at().asOf(),
                query.at().knownAt(),
                gaps,
                expiries,
                recorded,
                query.page().page(),
                query.page().size(),
                total == null ? 0 : total);
    }

    /** Decisions in force on {@code :asOf} whose compliance is GAP or NOT_CERTIFIED. */
    public List<ComplianceAlerts.Gap> gaps(MapSqlParameterSource params) {
        return jdbc.query(
                "SELECT d.decision_id, d.controller, d.system_name, d.host_id, d.activities, h.name AS host_name, "
                        + "cov.c1, cov.c2, cov.c3, cov.c4, cov.c5, cov.c6, " + AsOf.compliance("d", "cov")
                        + " AS compliance FROM rm_decision_version d"
                        + " LEFT JOIN rm_host_version h ON h.host_id = d.host_id AND " + AsOf.version("h")
                        + " LEFT JOIN (" + AsOf.coverage(":asOf") + ") cov ON cov.host_id = d.host_id"
                        + " WHERE " + AsOf.version("d") + " AND d.status <> 'ENDED' AND "
                        + AsOf.compliance("d", "cov") + " <> 'COVERED' ORDER BY d.decision_id",
                params,
                (rs, n) -> {
                    List<Integer> uncovered = new ArrayList<>();
                    boolean certified = rs.getObject("c1") != null;
                    for (int activity : Activities.parse(rs.getString("activities"))) {
                        if (!certified || rs.getInt("c" + activity) == 0) {
                            uncovered.add(activity);
                        }
                    }
                    return new ComplianceAlerts.Gap(
                            rs.getString("decision_id"),
                            rs.getString("controller"),
                            rs.getString("system_name"),
                            rs.getString("host_id"),
                            rs.getString("host_name"),
                            ComplianceStatus.valueOf(rs.getString("compliance")),
                            uncovered);
                });
    }

    private List<ComplianceAlerts.Expiry> expiring(ListComplianceAlerts query, MapSqlParameterSource params) {
        Map<String, ExpiryRow> expiring = new LinkedHashMap<>();
        jdbc.query(
                "SELECT c.cert_id, c.host_id, h.name AS host_name, c.valid_until, d.decision_id"
                        + " FROM rm_cert_version c"
                        + " JOIN rm_decision_version d ON d.host_id = c.host_id AND " + AsOf.version("d")
                        + " AND d.status <> 'ENDED'"
                        + " LEFT JOIN rm_host_version h ON h.host_id = c.host_id AND " + AsOf.version("h")
                        + " WHERE " + AsOf.version("c") + " AND c.scheme = 'HDS' AND c.status = 'VALID'"
                        + " AND c.valid_until >= :asOf AND c.valid_until <= :horizon"
                        + " ORDER BY c.valid_until, c.cert_id, d.decision_id",
                params,
                rs -> {
                    String certId = rs.getString("cert_id");
                    ExpiryRow row = expiring.get(certId);
                    if (row == null) {
                        row = new ExpiryRow(
                                certId,
                                rs.getString("host_id"),
                                rs.getString("host_name"),
                                rs.getObject("valid_until", LocalDate.class));
                        expiring.put(certId, row);
                    }
                    row.decisions.add(rs.getString("decision_id"));
                });
        return expiring.values().stream()
                .map(r -> new ComplianceAlerts.Expiry(
                        r.id,
                        r.hostId,
                        r.hostName,
                        r.validUntil,
                        ChronoUnit.DAYS.between(query.at().asOf(), r.validUntil),
                        List.copyOf(r.decisions)))
                .toList();
    }

    private static final class ExpiryRow {
        final String id;
        final String hostId;
        final String hostName;
        final LocalDate validUntil;
        final List<String> decisions = new ArrayList<>();

        ExpiryRow(String id, String hostId, String hostName, LocalDate validUntil) {
            this.id = id;
            this.hostId = hostId;
            this.hostName = hostName;
            this.validUntil = validUntil;
        }
    }
}
