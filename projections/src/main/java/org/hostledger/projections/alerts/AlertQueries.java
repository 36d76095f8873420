package org.hostledger.projections.alerts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryHandler;
import org.hostledger.core.alert.AlertKind;
import org.hostledger.core.query.AlertCandidates;
import org.hostledger.core.query.AlertCandidates.CertificateCandidate;
import org.hostledger.core.query.AlertCandidates.DecisionCandidate;
import org.hostledger.core.query.ComplianceAlerts;
import org.hostledger.core.query.ComplianceStatus;
import org.hostledger.core.query.ListAlertCandidates;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.compliance.ComplianceQueries;
import org.hostledger.projections.support.AsOf;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the alert job looks at. A certificate is in use when its host serves a decision in force; an occurrence is
 * dated so that the same condition is one alert however often it is seen: an expiry by the end of validity (a renewal
 * makes a new one), a suspension, withdrawal or delisting by its own effective date.
 */
@Component
public class AlertQueries {

    /** Decisions in force on {@code :asOf} whose host is the certificate's ({@code c}). */
    private static final String IN_USE = " JOIN rm_decision_version d ON d.host_id = c.host_id AND " + AsOf.version("d")
            + " AND d.status <> 'ENDED'";

    private final NamedParameterJdbcTemplate jdbc;
    private final ComplianceQueries compliance;

    public AlertQueries(NamedParameterJdbcTemplate jdbc, ComplianceQueries compliance) {
        this.jdbc = jdbc;
        this.compliance = compliance;
    }

    @QueryHandler
    public AlertCandidates handle(ListAlertCandidates query) {
        MapSqlParameterSource params = AsOf.params(TimePoint.asKnownNow(query.asOf()))
                .addValue("horizon", query.asOf().plusDays(query.horizonDays()));
        Map<String, Row> certificates = new LinkedHashMap<>();
        collect(
                certificates,
                "SELECT 'CERTIFICATE_EXPIRING' AS kind, c.cert_id, c.host_id, c.valid_until AS occurred_on,"
                        + " c.valid_until, d.decision_id FROM rm_cert_version c" + IN_USE
                        + " WHERE " + AsOf.version("c") + " AND c.status = 'VALID'"
                        + " AND c.valid_until >= :asOf AND c.valid_until <= :horizon",
                params);
        collect(
                certificates,
                "SELECT 'CERTIFICATE_' || c.status AS kind, c.cert_id, c.host_id, ch.effective_on AS occurred_on,"
                        + " c.valid_until, d.decision_id FROM rm_cert_version c" + IN_USE
                        + " JOIN rm_cert_change ch ON ch.cert_id = c.cert_id AND ch.kind = c.status"
                        + " AND ch.effective_on = (SELECT MAX(x.effective_on) FROM rm_cert_change x"
                        + " WHERE x.cert_id = c.cert_id AND x.kind = c.status AND x.effective_on <= :asOf)"
                        + " WHERE " + AsOf.version("c") + " AND c.status IN ('SUSPENDED', 'WITHDRAWN')",
                params);
        collect(
                certificates,
                "SELECT 'CERTIFICATE_DELISTED' AS kind, c.cert_id, c.host_id, e.eff_from AS occurred_on,"
                        + " c.valid_until, d.decision_id FROM rm_register_entry_version e"
                        + " JOIN rm_cert_version c ON c.cert_id = e.cert_id AND " + AsOf.version("c") + IN_USE
                        + " WHERE " + AsOf.version("e") + " AND e.listed = FALSE",
                params);
        return new AlertCandidates(
                certificates.values().stream()
                        .map(r -> new CertificateCandidate(
                                r.kind, r.certId, r.hostId, r.occurredOn, r.validUntil, List.copyOf(r.decisions)))
                        .toList(),
                decisions(params));
    }

    /**
     * Decisions whose compliance differs from their latest compliance alert: those in force with a gap whose latest
     * alert says otherwise, and those whose latest alert is a gap and that are covered (or ended) now.
     */
    private List<DecisionCandidate> decisions(MapSqlParameterSource params) {
        Map<String, Last> last = new HashMap<>();
        jdbc.query(
                "SELECT a.record_id, a.kind, a.occurrence FROM rm_alert a WHERE a.kind IN ("
                        + "'DECISION_GAP', 'DECISION_NOT_CERTIFIED', 'DECISION_COVERED') ORDER BY a.rec_seq",
                rs -> {
                    last.put(
                            rs.getString("record_id"),
                            new Last(
                                    AlertKind.valueOf(rs.getString("kind")),
                                    Integer.parseInt(rs.getString("occurrence"))));
                });
        List<DecisionCandidate> candidates = new ArrayList<>();
        Map<String, ComplianceAlerts.Gap> gaps = new LinkedHashMap<>();
        for (ComplianceAlerts.Gap gap : compliance.gaps(params)) {
            gaps.put(gap.decisionId(), gap);
        }
        for (ComplianceAlerts.Gap gap : gaps.values()) {
            AlertKind kind = gap.compliance() == ComplianceStatus.GAP
                    ? AlertKind.DECISION_GAP
                    : AlertKind.DECISION_NOT_CERTIFIED;
            Last previous = last.get(gap.decisionId());
            if (previous == null || previous.kind != kind) {
                candidates.add(new DecisionCandidate(
                        gap.decisionId(),
                        gap.hostId(),
                        gap.compliance(),
                        gap.uncoveredActivities(),
                        previous == null ? null : previous.kind,
                        previous == null ? 0 : previous.sequence));
            }
        }
        Set<AlertKind> open = Set.of(AlertKind.DECISION_GAP, AlertKind.DECISION_NOT_CERTIFIED);
        last.forEach((decisionId, previous) -> {
            if (open.contains(previous.kind) && !gaps.containsKey(decisionId)) {
                String hostId = jdbc.query(
                        "SELECT d.host_id FROM rm_decision_version d WHERE d.decision_id = :decisionId AND "
                                + AsOf.version("d"),
                        new MapSqlParameterSource(params.getValues()).addValue("decisionId", decisionId),
                        rs -> rs.next() ? rs.getString(1) : null);
                candidates.add(new DecisionCandidate(
                        decisionId, hostId, ComplianceStatus.COVERED, List.of(), previous.kind, previous.sequence));
            }
        });
        return candidates;
    }

    private void collect(Map<String, Row> rows, String sql, MapSqlParameterSource params) {
        jdbc.query(sql + " ORDER BY c.cert_id, d.decision_id", params, rs -> {
            AlertKind kind = AlertKind.valueOf(rs.getString("kind"));
            String certId = rs.getString("cert_id");
            LocalDate occurredOn = rs.getObject("occurred_on", LocalDate.class);
            String hostId = rs.getString("host_id");
            LocalDate validUntil = rs.getObject("valid_until", LocalDate.class);
            Row row = rows.computeIfAbsent(
                    kind + "|" + certId + "|" + occurredOn, k -> new Row(kind, certId, hostId, occurredOn, validUntil));
            row.decisions.add(rs.getString("decision_id"));
        });
    }

    private record Last(AlertKind kind, int sequence) {}

    private static final class Row {
        final AlertKind kind;
        final String certId;
        final String hostId;
        final LocalDate occurredOn;
        final LocalDate validUntil;
        final List<String> decisions = new ArrayList<>();

        Row(AlertKind kind, String certId, String hostId, LocalDate occurredOn, LocalDate validUntil) {
            this.kind = kind;
            this.certId = certId;
            this.hostId = hostId;
            this.occurredOn = occurredOn;
            this.validUntil = validUntil;
        }
    }
}
