package org.hostledger.projections.registry;

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
import org.hostledger.core.model.CertificateKind;
import org.hostledger.core.model.Exposure;
import org.hostledger.core.query.CertificationPage;
import org.hostledger.core.query.CertificationStatus;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.Correction;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.FindHost;
import org.hostledger.core.query.HostPage;
import org.hostledger.core.query.HostView;
import org.hostledger.core.query.ListCertifications;
import org.hostledger.core.query.ListHosts;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.support.Activities;
import org.hostledger.projections.support.AsOf;
import org.hostledger.projections.support.JsonColumns;
import org.hostledger.projections.support.Search;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the registry: hosts and certificates on any date, as known at any instant. */
@Component
public class RegistryQueries {

    private static final String CERT_COLUMNS = "c.cert_id, c.host_id, h.name AS host_name, c.scheme, c.referential, "
            + "c.certifier, c.activities, c.scope, c.valid_from, c.valid_until, " + AsOf.certificationStatus("c")
            + " AS shown_status, c.sources, b.aggregate_version";

    private final NamedParameterJdbcTemplate jdbc;

    public RegistryQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    // --- Hosts -------------------------------------------------------------------------------------

    @QueryHandler
    public HostPage handle(ListHosts query) {
        MapSqlParameterSource params = AsOf.params(query.at());
        StringBuilder where = new StringBuilder(" FROM rm_host_version h JOIN rm_host_base b ON b.host_id = h.host_id")
                .append(" WHERE ")
                .append(AsOf.version("h"));
        if (query.country() != null) {
            where.append(" AND h.country = :country");
            params.addValue("country", query.country());
        }
        if (query.exposure() != null) {
            where.append(" AND h.exposure = :exposure");
            params.addValue("exposure", query.exposure().name());
        }
        if (query.q() != null) {
            where.append(" AND ").append(Search.anyContains("h.host_id", "h.name"));
            Search.bind(params, query.q());
        }
        params.addValue("offset", query.page().offset())
                .addValue("size", query.page().size());
        List<HostRow> rows = jdbc.query(
                "SELECT h.*, b.aggregate_version" + where
                        + " ORDER BY h.host_id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY",
                params,
                RegistryQueries::hostRow);
        long total;
        if (query.page().isLastWith(rows.size())) {
            total = query.page().offset() + rows.size();
        } else if (query.at().isLatestKnowledge() && query.country() == null && query.q() == null) {
            total = RegistryProjection.HOST_COUNTS.total(
                    jdbc,
                    query.at().asOf(),
                    query.exposure() == null ? null : query.exposure().name());
        } else {
            total = jdbc.queryForObject("SELECT COUNT(*)" + where, params, Long.class);
        }
        return new HostPage(
                hosts(rows, query.at()), query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    public HostView handle(FindHost query) {
        MapSqlParameterSource params = AsOf.params(query.at()).addValue("id", query.hostId());
        List<HostRow> rows = jdbc.query(
                "SELECT h.*, b.aggregate_version FROM rm_host_version h JOIN rm_host_base b ON b.host_id = h.host_id "
                        + "WHERE h.host_id = :id AND " + AsOf.version("h"),
                params,
                RegistryQueries::hostRow);
        List<HostView> hosts = hosts(rows, query.at());
        return hosts.isEmpty() ? null : hosts.get(0);
    }

    private record HostRow(
            String id,
            String name,
            String country,
            String parentCompany,
            String parentCountry,
            String exposure,
            LocalDate registeredOn,
            String sources,
            long version) {}

    private static HostRow hostRow(ResultSet rs, int n) throws SQLException {
        return new HostRow(
                rs.getString("host_id"),
                rs.getString("name"),
                rs.getString("country"),
                rs.getString("parent_company"),
                rs.getString("parent_country"),
                rs.getString("exposure"),
                rs.getObject("registered_on", LocalDate.class),
                rs.getString("sources"),
                rs.getLong("aggregate_version"));
    }

    private List<HostView> hosts(List<HostRow> rows, TimePoint at) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(HostRow::id).toList();
        MapSqlParameterSource params = AsOf.params(at).addValue("ids", ids);
        Map<String, List<HostView.OwnershipChange>> changes = new HashMap<>();
        Map<String, List<Correction>> corrections = new HashMap<>();
        jdbc.query(
                "SELECT * FROM rm_host_change x WHERE x.host_id IN (:ids) AND " + AsOf.recorded("x")
                        + " ORDER BY x.effective_on, x.rec_seq",
                params,
                rs -> {
                    String hostId = rs.getString("host_id");
                    if (HostChange.Kind.valueOf(rs.getString("kind")) == HostChange.Kind.CORRECTED) {
                        corrections
                                .computeIfAbsent(hostId, k -> new ArrayList<>())
                                .add(correction(rs));
                    } else if (!rs.getObject("effective_on", LocalDate.class).isAfter(at.asOf())) {
                        changes.computeIfAbsent(hostId, k -> new ArrayList<>())
                                .add(new HostView.OwnershipChange(
                                        rs.getObject("effective_on", LocalDate.class),
                                        rs.getObject("rec_from", OffsetDateTime.class)
                                                .toInstant(),
                                        rs.getString("parent_company"),
                                        rs.getString("parent_country"),
                                        rs.getString("reason"),
                                        JsonColumns.sources(rs.getString("sources"))));
                    }
                });
        Map<String, List<CertificationView>> certificates = new HashMap<>();
        for (CertificationView certificate : certifications(
                " WHERE c.host_id IN (:ids) AND " + AsOf.version("c"), params, "c.valid_from, c.cert_id")) {
            certificates
                    .computeIfAbsent(certificate.hostId(), k -> new ArrayList<>())
                    .add(certificate);
        }
        return rows.stream()
                .map(r -> new HostView(
                        r.id(),
                        r.name(),
                        r.country(),
                        r.parentCompany(),
                        r.parentCountry(),
                        Exposure.valueOf(r.exposure()),
                        r.registeredOn(),
                        JsonColumns.sources(r.sources()),
                        changes.getOrDefault(r.id(), List.of()),
                        corrections.getOrDefault(r.id(), List.of()),
                        certificates.getOrDefault(r.id(), List.of()),
                        r.version()))
                .toList();
    }

    // --- Certifications ------------------------------------------------------------------------------

    @QueryHandler
    public CertificationPage handle(ListCertifications query) {
        MapSqlParameterSource params = AsOf.params(query.at());
        StringBuilder where = new StringBuilder(" WHERE ").append(AsOf.version("c"));
        if (query.hostId() != null) {
            where.append(" AND c.host_id = :hostId");
            params.addValue("hostId", query.hostId());
        }
        if (query.activity() != null) {
            if (query.activity() < 1 || query.activity() > 6) {
                throw new IllegalArgumentException("activity must be between 1 and 6");
            }
            where.append(" AND c.a").append(query.activity()).append(" = 1");
        }
        if (query.status() != null) {
            where.append(" AND ").append(AsOf.certificationStatus("c")).append(" = :status");
            params.addValue("status", query.status().name());
        }
        if (query.q() != null) {
            where.append(" AND (")
                    .append(Search.anyContains("c.cert_id", "c.certifier", "c.host_id"))
                    .append(" OR EXISTS (SELECT 1 FROM rm_host_version hq WHERE hq.host_id = c.host_id AND ")
                    .append(AsOf.version("hq"))
                    .append(" AND ")
                    .append(Search.anyContains("hq.name"))
                    .append("))");
            Search.bind(params, query.q());
        }
        params.addValue("offset", query.page().offset())
                .addValue("size", query.page().size());
        List<CertificationView> items = certifications(
                where + " ORDER BY c.cert_id OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY", params, null);
        long total;
        if (query.page().isLastWith(items.size())) {
            total = query.page().offset() + items.size();
        } else if (query.at().isLatestKnowledge()
                && query.hostId() == null
                && query.activity() == null
                && query.status() == null
                && query.q() == null) {
            total = RegistryProjection.CERT_COUNTS.total(jdbc, query.at().asOf(), null);
        } else {
            total = jdbc.queryForObject("SELECT COUNT(*) FROM rm_cert_version c" + where, params, Long.class);
        }
        return new CertificationPage(items, query.page().page(), query.page().size(), total);
    }

    @QueryHandler
    public CertificationView handle(FindCertification query) {
        MapSqlParameterSource params = AsOf.params(query.at()).addValue("id", query.certificationId());
        List<CertificationView> found = certifications(" WHERE c.cert_id = :id AND " + AsOf.version("c"), params, null);
        if (found.isEmpty()) {
            return null;
        }
        CertificationView view = found.get(0);
        List<CertificationView.Change> changes = new ArrayList<>();
        List<Correction> corrections = new ArrayList<>();
        int[] count = {0};
        // Newest first, the first few of each group kept (changes, corrections) and every change counted: numbering
        // them with window functions took H2 several times as long.
        jdbc.query(
                "SELECT x.* FROM rm_cert_change x WHERE x.cert_id = :id AND " + AsOf.recorded("x")
                        + " AND (x.kind = 'CORRECTED' OR x.effective_on <= :asOf)"
                        + " ORDER BY x.effective_on DESC, x.rec_seq DESC",
                params,
                rs -> {
                    CertChange.Kind kind = CertChange.Kind.valueOf(rs.getString("kind"));
                    if (kind == CertChange.Kind.CORRECTED) {
                        if (corrections.size() < CHANGES_SHOWN) {
                            corrections.add(correction(rs));
                        }
                        return;
                    }
                    if (count[0]++ < CHANGES_SHOWN) {
                        changes.add(new CertificationView.Change(
                                kind.name(),
                                rs.getObject("effective_on", LocalDate.class),
                                rs.getObject("rec_from", OffsetDateTime.class).toInstant(),
                                rs.getObject("valid_until", LocalDate.class),
                                rs.getString("referential"),
                                rs.getString("activities") == null
                                        ? null
                                        : Activities.parse(rs.getString("activities")),
                                rs.getString("reason"),
                                JsonColumns.sources(rs.getString("sources"))));
                    }
                });
        // Shown in date order.
        Collections.reverse(changes);
        Collections.reverse(corrections);
        return new CertificationView(
                view.id(),
                view.hostId(),
                view.hostName(),
                view.scheme(),
                view.referential(),
                view.certifier(),
                view.activities(),
                view.activityFlags(),
                view.kind(),
                view.scope(),
                view.validFrom(),
                view.validUntil(),
                view.status(),
                view.sources(),
                changes,
                count[0],
                corrections,
                view.version());
    }

    /** A certificate suspended and reinstated ten thousand times shows its latest changes, and how many in all. */
    static final int CHANGES_SHOWN = 200;

    private List<CertificationView> certifications(String where, MapSqlParameterSource params, String orderBy) {
        String sql = "SELECT " + CERT_COLUMNS + " FROM rm_cert_version c"
                + " JOIN rm_cert_base b ON b.cert_id = c.cert_id"
                + " LEFT JOIN rm_host_version h ON h.host_id = c.host_id AND " + AsOf.version("h")
                + where + (orderBy == null ? "" : " ORDER BY " + orderBy);
        return jdbc.query(sql, params, (rs, n) -> {
            List<Integer> activities = Activities.parse(rs.getString("activities"));
            return new CertificationView(
                    rs.getString("cert_id"),
                    rs.getString("host_id"),
                    rs.getString("host_name"),
                    rs.getString("scheme"),
                    rs.getString("referential"),
                    rs.getString("certifier"),
                    activities,
                    CertificationView.ActivityFlags.of(activities),
                    activities.isEmpty() ? null : CertificateKind.of(activities),
                    rs.getString("scope"),
                    rs.getObject("valid_from", LocalDate.class),
                    rs.getObject("valid_until", LocalDate.class),
                    CertificationStatus.valueOf(rs.getString("shown_status")),
                    JsonColumns.sources(rs.getString("sources")),
                    null,
                    null,
                    null,
                    rs.getLong("aggregate_version"));
        });
    }

    private static Correction correction(ResultSet rs) throws SQLException {
        return new Correction(
                rs.getObject("rec_from", OffsetDateTime.class).toInstant(),
                rs.getString("reason"),
                JsonColumns.sources(rs.getString("sources")));
    }
}
