package org.hostledger.projections.sovereignty;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.hostledger.core.model.HdsActivity;
import org.hostledger.core.query.GetSovereigntyStats;
import org.hostledger.core.query.SovereigntyStats;
import org.hostledger.projections.offerings.OfferingExposure;
import org.hostledger.projections.support.AsOf;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exposure to non-EU law: the decisions in force on the date asked, counted by their exposure — their host's (decided
 * by its ultimate parent), or their offering's chain's for their activities — per controller, per HDS activity, and
 * by what exposes them: access under an adequacy decision, access under art. 46 safeguards, non-EU law.
 */
@Component
public class SovereigntyQueries {

    private static final String IN_FORCE = " FROM rm_decision_version d"
            + " JOIN rm_decision_base b ON b.decision_id = d.decision_id"
            + " LEFT JOIN rm_host_version h ON h.host_id = d.host_id AND " + AsOf.version("h")
            + OfferingExposure.JOIN
            + " WHERE " + AsOf.version("d") + " AND d.status <> 'ENDED'";

    /** A decision's exposure: its host's, or its offering's chain's for its activities. */
    private static final String EXPOSURE = "(" + OfferingExposure.decisionExposure("h.exposure") + ")";

    /** Decisions in force counted by what exposes them (a decision may count under several). */
    private static final String BY_REASON = "SELECT "
            + "SUM(CASE WHEN " + OfferingExposure.hits("adq") + " THEN 1 ELSE 0 END) AS adequacy, "
            + "SUM(CASE WHEN " + OfferingExposure.hits("sg") + " THEN 1 ELSE 0 END) AS safeguards, "
            + "SUM(CASE WHEN " + OfferingExposure.hits("law") + " OR h.exposure = 'NON_EU' THEN 1 ELSE 0 END) AS law"
            + IN_FORCE;

    private final NamedParameterJdbcTemplate jdbc;

    public SovereigntyQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public SovereigntyStats handle(GetSovereigntyStats query) {
        MapSqlParameterSource params = AsOf.params(query.at());
        // A host whose register publishes no country (exposure UNKNOWN) counts with the hosts not known on the date.
        String counts = "SUM(CASE WHEN " + EXPOSURE + " = 'EU' THEN 1 ELSE 0 END) AS eu, "
                + "SUM(CASE WHEN " + EXPOSURE + " = 'NON_EU' THEN 1 ELSE 0 END) AS non_eu, "
                + "SUM(CASE WHEN " + EXPOSURE + " IS NULL OR " + EXPOSURE
                + " = 'UNKNOWN' THEN 1 ELSE 0 END) AS unknown_count";
        List<SovereigntyStats.ByController> byController = jdbc.query(
                "SELECT d.controller, " + counts + IN_FORCE + " GROUP BY d.controller ORDER BY d.controller",
                params,
                (rs, n) -> new SovereigntyStats.ByController(
                        rs.getString("controller"),
                        SovereigntyStats.Count.of(
                                rs.getLong("eu"), rs.getLong("non_eu"), rs.getLong("unknown_count"))));
        StringBuilder perActivity = new StringBuilder("SELECT ");
        for (int a = 1; a <= 6; a++) {
            perActivity.append(String.format(
                    "SUM(CASE WHEN d.a%1$d = 1 AND " + EXPOSURE + " = 'EU' THEN 1 ELSE 0 END) AS eu%1$d, "
                            + "SUM(CASE WHEN d.a%1$d = 1 AND " + EXPOSURE
                            + " = 'NON_EU' THEN 1 ELSE 0 END) AS non_eu%1$d, "
                            + "SUM(CASE WHEN d.a%1$d = 1 AND " + EXPOSURE
                            + " IS NULL OR " + EXPOSURE + " = 'UNKNOWN' THEN 1 ELSE 0 END) AS unknown_count%1$d, ",
                    a));
        }
        perActivity.append(counts).append(IN_FORCE);
        List<SovereigntyStats.ByActivity> byActivity = new ArrayList<>();
        SovereigntyStats.Count[] total = new SovereigntyStats.Count[1];
        jdbc.query(perActivity.toString(), params, rs -> {
            for (HdsActivity activity : HdsActivity.values()) {
                int a = activity.code();
                byActivity.add(new SovereigntyStats.ByActivity(
                        a,
                        activity.labelFr(),
                        activity.labelEn(),
                        SovereigntyStats.Count.of(
                                rs.getLong("eu" + a), rs.getLong("non_eu" + a), rs.getLong("unknown_count" + a))));
            }
            total[0] = SovereigntyStats.Count.of(rs.getLong("eu"), rs.getLong("non_eu"), rs.getLong("unknown_count"));
        });
        SovereigntyStats.ByReason byReason = jdbc.queryForObject(
                BY_REASON,
                params,
                (rs, n) -> new SovereigntyStats.ByReason(
                        rs.getLong("adequacy"), rs.getLong("safeguards"), rs.getLong("law")));
        return new SovereigntyStats(
                query.at().asOf(),
                query.at().knownAt(),
                total[0] == null ? SovereigntyStats.Count.of(0, 0, 0) : total[0],
                byController,
                byActivity,
                byReason);
    }
}
