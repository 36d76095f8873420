package org.hostledger.projections.hostingmap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.queryhandling.QueryHandler;
import org.hostledger.core.model.Countries;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.model.HdsActivity;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainAssessment;
import org.hostledger.core.offering.ChainGap;
import org.hostledger.core.offering.ChainRole;
import org.hostledger.core.offering.ExposureReason;
import org.hostledger.core.query.ComplianceStatus;
import org.hostledger.core.query.Correction;
import org.hostledger.core.query.DecisionPage;
import org.hostledger.core.query.DecisionSlice;
import org.hostledger.core.query.DecisionStatus;
import org.hostledger.core.query.DecisionView;
import org.hostledger.core.query.FindDecision;
import org.hostledger.core.query.FindRegisterDecisions;
import org.hostledger.core.query.ListDecisions;
import org.hostledger.core.query.ListDecisionsAfter;
import org.hostledger.core.query.RegisterDecisions;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.offerings.OfferingExposure;
import org.hostledger.projections.support.Activities;
import org.hostledger.projections.support.AsOf;
import org.hostledger.projections.support.JsonColumns;
import org.hostledger.projections.support.Search;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads of the hosting map. Each decision comes with its host as it stood on the date asked (so its exposure), and
 * its compliance computed from the registry's certificates on the decision date and on the date asked.
 */
@Component
public class HostingMapQueries {

    /** Decisions on {@code :asOf} with their host as it stood that day; filters append to it. */
    private static final String FROM = " FROM rm_decision_version d"
            + " JOIN rm_decision_base b ON b.decision_id = d.decision_id"
            + " LEFT JOIN rm_host_version h ON h.host_id = d.host_id AND " + AsOf.version("h")
            + OfferingExposure.JOIN;

    private static final String EXPOSURE = OfferingExposure.decisionExposure("h.exposure");

    /** Only a compliance filter needs every host's coverage; pages compute theirs host by host. */
    private static final String WITH_COVERAGE =
            " LEFT JOIN (" + AsOf.coverage(":asOf") + ") cov ON cov.host_id = d.host_id";

    private static final String COLUMNS = "SELECT d.*, b.aggregate_version, h.name AS host_name, "
            + "h.country AS host_country, h.parent_company AS host_parent_company, "
            + "h.parent_country AS host_parent_country, b.register_entry, o.offering_id AS offering_found, "
            + "o.name AS offering_name, o.chain AS offering_chain, " + EXPOSURE + " AS decision_exposure";

    private final NamedParameterJdbcTemplate jdbc;

    public HostingMapQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public DecisionPage handle(ListDecisions query) {
        MapSqlParameterSource params = AsOf.params(query.at());
        StringBuilder where =
                filtered(ListDecisionsAfter.of(query, null, query.page().size()), params);
        params.addValue("offset", query.page().offset())
                .addValue("size", query.page().size());
        List<Row> rows = jdbc.query(
                COLUMNS + where + " ORDER BY d.decision_id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY",
                params,
                HostingMapQueries::row);
        // A page that is not full is the last one: the rows before it and its own are all there are (one host's
        // decisions, the usual question, fit on the first page). Only a full page, or an empty one past the first,
        // needs counting.
        long total = query.page().isLastWith(rows.size())
                ? query.page().offset() + rows.size()
                : total(query, where, params);
        return new DecisionPage(
                views(rows, query.at(), FOLLOW_UPS_IN_LISTS),
                query.page().page(),
                query.page().size(),
                total);
    }

    /**
     * The hosting map by keyset: the rows after the cursor in decision id order, one more than asked to know whether
     * another read would find any.
     */
    @QueryHandler
    public DecisionSlice handle(ListDecisionsAfter query) {
        MapSqlParameterSource params = AsOf.params(query.at());
        StringBuilder where = filtered(query, params);
        if (query.after() != null) {
            where.append(" AND d.decision_id > :after");
            params.addValue("after", query.after());
        }
        params.addValue("size", query.size() + 1);
        List<Row> rows = jdbc.query(
                COLUMNS + where + " ORDER BY d.decision_id FETCH FIRST :size ROWS ONLY",
                params,
                HostingMapQueries::row);
        boolean more = rows.size() > query.size();
        List<Row> slice = more ? rows.subList(0, query.size()) : rows;
        return new DecisionSlice(
                views(slice, query.at(), FOLLOW_UPS_IN_LISTS),
                query.size(),
                more ? slice.get(slice.size() - 1).id() : null);
    }

    /** The rows the filters select on the date asked, as known at the instant asked ({@code FROM … WHERE …}). */
    private static StringBuilder filtered(ListDecisionsAfter query, MapSqlParameterSource params) {
        StringBuilder where = new StringBuilder(FROM);
        if (query.compliance() != null) {
            where.append(WITH_COVERAGE);
        }
        where.append(" WHERE ").append(AsOf.version("d"));
        if (query.hostId() != null) {
            where.append(" AND d.host_id = :hostId");
            params.addValue("hostId", query.hostId());
        }
        if (query.controller() != null) {
            where.append(" AND d.controller = :controller");
            params.addValue("controller", query.controller());
        }
        if (query.status() != null) {
            where.append(" AND d.status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.exposure() != null) {
            where.append(" AND ").append(EXPOSURE).append(" = :exposure");
            params.addValue("exposure", query.exposure().name());
        }
        if (query.compliance() != null) {
            where.append(" AND ").append(AsOf.compliance("d", "cov")).append(" = :compliance");
            params.addValue("compliance", query.compliance().name());
        }
        if (query.q() != null) {
            where.append(" AND ")
                    .append(Search.anyContains(
                            "d.decision_id", "d.controller", "d.system_name", "d.host_id", "h.name"));
            Search.bind(params, query.q());
        }
        return where;
    }

    /**
     * The page's total: from the maintained counts when the question is the map of a date as known now, unfiltered or
     * by status only (a COUNT over every current decision read them all); counted over the filtered rows otherwise.
     */
    private long total(ListDecisions query, StringBuilder where, MapSqlParameterSource params) {
        boolean counted = query.at().isLatestKnowledge()
                && query.hostId() == null
                && query.controller() == null
                && query.compliance() == null
                && query.exposure() == null
                && query.q() == null;
        if (!counted) {
            return jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        }
        return HostingMapProjection.COUNTS.total(
                jdbc,
                query.at().asOf(),
                query.status() == null ? null : query.status().name());
    }

    @QueryHandler
    public RegisterDecisions handle(FindRegisterDecisions query) {
        Map<String, List<RegisterDecisions.Held>> byEntry = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT b.register_entry, b.decision_id, b.controller, CASE WHEN EXISTS (SELECT 1 FROM"
                        + " rm_decision_event e WHERE e.decision_id = b.decision_id AND e.kind = 'ENDED') THEN 1"
                        + " ELSE 0 END AS ended FROM rm_decision_base b WHERE b.register_entry LIKE :prefix"
                        + " ORDER BY b.register_entry, b.decision_id",
                new MapSqlParameterSource("prefix", query.register() + ":%"),
                rs -> {
                    byEntry.computeIfAbsent(rs.getString("register_entry"), k -> new ArrayList<>())
                            .add(new RegisterDecisions.Held(
                                    rs.getString("decision_id"), rs.getString("controller"), rs.getInt("ended") == 1));
                });
        return new RegisterDecisions(byEntry);
    }

    @QueryHandler
    public DecisionView handle(FindDecision query) {
        MapSqlParameterSource params = AsOf.params(query.at()).addValue("id", query.decisionId());
        List<Row> rows = jdbc.query(
                COLUMNS + FROM + " WHERE " + AsOf.version("d") + " AND d.decision_id = :id",
                params,
                HostingMapQueries::row);
        List<DecisionView> views = views(rows, query.at(), FOLLOW_UPS_IN_ONE);
        return views.isEmpty() ? null : views.get(0);
    }

    private record Row(
            String id,
            String controller,
            String system,
            String hostId,
            List<Integer> activities,
            LocalDate decidedOn,
            String procurement,
            String contractor,
            String rationale,
            String alternatives,
            String status,
            LocalDate endedOn,
            String endReason,
            String supersededBy,
            String sources,
            long version,
            String hostName,
            String hostCountry,
            String hostParentCompany,
            String hostParentCountry,
            String offeringId,
            String offeringName,
            String offeringChain,
            String exposure,
            String registerEntry) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getString("decision_id"),
                rs.getString("controller"),
                rs.getString("system_name"),
                rs.getString("host_id"),
                Activities.parse(rs.getString("activities")),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("procurement"),
                rs.getString("contractor"),
                rs.getString("rationale"),
                rs.getString("alternatives"),
                rs.getString("status"),
                rs.getObject("ended_on", LocalDate.class),
                rs.getString("end_reason"),
                rs.getString("superseded_by"),
                rs.getString("sources"),
                rs.getLong("aggregate_version"),
                rs.getString("host_name"),
                rs.getString("host_country"),
                rs.getString("host_parent_company"),
                rs.getString("host_parent_country"),
                rs.getString("offering_id"),
                rs.getString("offering_found") == null ? null : rs.getString("offering_name"),
                rs.getString("offering_found") == null ? null : rs.getString("offering_chain"),
                rs.getString("decision_exposure"),
                rs.getString("register_entry"));
    }

    /** Follow-ups shown inline: a few on a page of the map, more for one decision. */
    static final int FOLLOW_UPS_IN_LISTS = 5;

    static final int FOLLOW_UPS_IN_ONE = 200;

    private List<DecisionView> views(List<Row> rows, TimePoint at, int followUps) {
        if (rows.isEmpty()) {
            return List.of();
        }
        MapSqlParameterSource params =
                AsOf.params(at).addValue("ids", rows.stream().map(Row::id).toList());
        Map<String, List<DecisionView.Challenge>> challenges = new HashMap<>();
        Map<String, List<DecisionView.MigrationPlan>> plans = new HashMap<>();
        Map<String, List<Correction>> corrections = new HashMap<>();
        Map<String, DecisionView.Ending> endings = new HashMap<>();
        Map<String, Integer> counts = new HashMap<>();
        // The latest follow-ups of each kind, and how many there are: a decision challenged ten thousand times
        // must not make a page of the map ten thousand rows long. Each kind's rows come newest first; past the first
        // few only their count is kept. (Numbering them with window functions took H2 three times as long, and several
        // times
        // as long for a decision with ten thousand challenges.)
        jdbc.query(
                "SELECT e.* FROM rm_decision_event e WHERE e.decision_id IN (:ids) AND " + AsOf.recorded("e")
                        + " AND (e.kind = 'CORRECTED' OR e.effective_on <= :asOf)"
                        + " ORDER BY e.decision_id, e.kind, e.effective_on DESC, e.rec_seq DESC",
                params,
                rs -> {
                    String id = rs.getString("decision_id");
                    DecisionChange.Kind kind = DecisionChange.Kind.valueOf(rs.getString("kind"));
                    if (counts.merge(id + "/" + kind, 1, Integer::sum) > followUps) {
                        return;
                    }
                    LocalDate effectiveOn = rs.getObject("effective_on", LocalDate.class);
                    java.time.Instant recordedAt =
                            rs.getObject("rec_from", OffsetDateTime.class).toInstant();
                    var sources = JsonColumns.sources(rs.getString("sources"));
                    // Corrections show whatever their date; the other facts once they happened.
                    if (kind != DecisionChange.Kind.CORRECTED && effectiveOn.isAfter(at.asOf())) {
                        return;
                    }
                    switch (kind) {
                        case CORRECTED ->
                            corrections
                                    .computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(new Correction(recordedAt, rs.getString("reason"), sources));
                        case CHALLENGED ->
                            challenges
                                    .computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(new DecisionView.Challenge(
                                            effectiveOn,
                                            recordedAt,
                                            rs.getString("by_whom"),
                                            rs.getString("argument"),
                                            rs.getString("forum"),
                                            rs.getString("outcome"),
                                            sources));
                        case MIGRATION_PLANNED ->
                            plans.computeIfAbsent(id, k -> new ArrayList<>())
                                    .add(new DecisionView.MigrationPlan(
                                            effectiveOn,
                                            recordedAt,
                                            rs.getString("target_host_id"),
                                            rs.getString("target"),
                                            rs.getObject("target_date", LocalDate.class),
                                            rs.getString("rationale"),
                                            sources));
                        case ENDED ->
                            endings.putIfAbsent(
                                    id,
                                    new DecisionView.Ending(
                                            effectiveOn,
                                            rs.getString("reason"),
                                            rs.getString("superseded_by"),
                                            sources));
                    }
                });
        // Newest first as read; shown in date order.
        challenges.values().forEach(Collections::reverse);
        plans.values().forEach(Collections::reverse);
        corrections.values().forEach(Collections::reverse);
        List<DecisionView> views = new ArrayList<>(rows.size());
        // Every host of the page in one query; a chain's other hosts when first asked.
        HostCoverage coverage = new HostCoverage(jdbc, params)
                .load(rows.stream().map(Row::hostId).toList());
        EntryAuthorizations authorized = new EntryAuthorizations(jdbc, params)
                .load(rows.stream().map(Row::registerEntry).toList());
        for (Row r : rows) {
            int[] coveredAtDecision = coverage.on(r.hostId(), r.decidedOn());
            int[] coveredAsOf = coverage.on(r.hostId(), at.asOf());
            ComplianceStatus atDecision = r.registerEntry() == null
                    ? compliance(r.activities(), coveredAtDecision)
                    : authorization(authorized.on(r.registerEntry(), r.decidedOn()));
            ComplianceStatus asOf = r.registerEntry() == null
                    ? compliance(r.activities(), coveredAsOf)
                    : authorization(authorized.on(r.registerEntry(), at.asOf()));
            List<DecisionView.ActivityCoverage> perActivity = new ArrayList<>();
            for (int activity : r.activities()) {
                HdsActivity hds = HdsActivity.ofCode(activity).orElseThrow();
                perActivity.add(new DecisionView.ActivityCoverage(
                        activity,
                        hds.labelFr(),
                        hds.labelEn(),
                        isCovered(coveredAtDecision, activity),
                        isCovered(coveredAsOf, activity)));
            }
            List<ExposureReason> reasons = new ArrayList<>();
            if (r.hostParentCountry() != null && !Countries.isInEea(r.hostParentCountry())) {
                reasons.add(new ExposureReason(
                        r.hostName(),
                        ChainRole.HOST,
                        r.activities(),
                        ExposureReason.Kind.NON_EU_LAW,
                        List.of(r.hostParentCountry()),
                        r.hostName() + ", host: its parent " + r.hostParentCompany() + " is in " + r.hostParentCountry()
                                + "; exposed to " + r.hostParentCountry() + " law"));
            }
            List<ChainGap> gaps = List.of();
            DecisionView.OfferingSummary offering = null;
            List<Integer> uncoveredAsOf = uncovered(r.activities(), coveredAsOf);
            if (r.offeringId() != null) {
                List<ChainActor> chain = r.offeringChain() == null ? null : JsonColumns.chain(r.offeringChain());
                offering = new DecisionView.OfferingSummary(r.offeringId(), r.offeringName(), chain);
                if (chain == null) {
                    gaps = r.activities().stream()
                            .map(a -> new ChainGap(
                                    a, null, "offering " + r.offeringId() + " is not published on " + at.asOf()))
                            .toList();
                } else {
                    reasons.addAll(ChainAssessment.exposure(chain, r.activities()));
                    gaps = ChainAssessment.gaps(
                            chain, r.activities(), (hostId, a) -> isCovered(coverage.on(hostId, at.asOf()), a));
                }
                if (!gaps.isEmpty()) {
                    java.util.TreeSet<Integer> all = new java.util.TreeSet<>(uncoveredAsOf);
                    gaps.forEach(g -> all.add(g.activity()));
                    uncoveredAsOf = List.copyOf(all);
                    perActivity = perActivity.stream()
                            .map(c -> new DecisionView.ActivityCoverage(
                                    c.activity(),
                                    c.labelFr(),
                                    c.labelEn(),
                                    c.atDecision(),
                                    c.asOf() && !all.contains(c.activity())))
                            .toList();
                    if (asOf == ComplianceStatus.COVERED) {
                        asOf = ComplianceStatus.GAP;
                    }
                }
            }
            DecisionView.Compliance compliance = new DecisionView.Compliance(
                    atDecision, asOf, uncoveredAsOf, uncovered(r.activities(), coveredAtDecision), perActivity);
            DecisionView.HostSummary host = new DecisionView.HostSummary(
                    r.hostId(), r.hostName(), r.hostCountry(), r.hostParentCompany(), r.hostParentCountry());
            DecisionStatus status = DecisionStatus.valueOf(r.status());
            DecisionView.Ending ending = status == DecisionStatus.ENDED
                    ? endings.getOrDefault(
                            r.id(), new DecisionView.Ending(r.endedOn(), r.endReason(), r.supersededBy(), List.of()))
                    : null;
            views.add(new DecisionView(
                    r.id(),
                    r.controller(),
                    r.system(),
                    host,
                    r.activities(),
                    r.decidedOn(),
                    ProcurementRoute.valueOf(r.procurement()),
                    r.contractor(),
                    r.rationale(),
                    JsonColumns.texts(r.alternatives()),
                    status,
                    ending,
                    challenges.getOrDefault(r.id(), List.of()),
                    plans.getOrDefault(r.id(), List.of()),
                    counts.getOrDefault(r.id() + "/" + DecisionChange.Kind.CHALLENGED, 0),
                    counts.getOrDefault(r.id() + "/" + DecisionChange.Kind.MIGRATION_PLANNED, 0),
                    JsonColumns.sources(r.sources()),
                    compliance,
                    r.exposure() == null ? null : Exposure.valueOf(r.exposure()),
                    corrections.getOrDefault(r.id(), List.of()),
                    r.version(),
                    offering,
                    reasons,
                    gaps));
        }
        return views;
    }

    /**
     * The compliance of a FedRAMP decision on {@code date}: COVERED when its product (register entry) is listed and
     * Authorized that day as known at the time asked; a product Ready, In Process, of an unknown status or delisted
     * covers nothing.
     */
    /** A FedRAMP decision is covered while its product is listed and Authorized. */
    private static ComplianceStatus authorization(boolean authorized) {
        return authorized ? ComplianceStatus.COVERED : ComplianceStatus.NOT_CERTIFIED;
    }

    static ComplianceStatus compliance(List<Integer> activities, int[] covered) {
        if (covered == null) {
            return ComplianceStatus.NOT_CERTIFIED;
        }
        return uncovered(activities, covered).isEmpty() ? ComplianceStatus.COVERED : ComplianceStatus.GAP;
    }

    private static List<Integer> uncovered(List<Integer> activities, int[] covered) {
        return activities.stream().filter(a -> !isCovered(covered, a)).toList();
    }

    private static boolean isCovered(int[] covered, int activity) {
        return covered != null && activity >= 1 && activity <= 6 && covered[activity - 1] == 1;
    }
}
