package org.hostledger.projections.offerings;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.queryhandling.QueryHandler;
import org.hostledger.core.query.FindOffering;
import org.hostledger.core.query.ListOfferings;
import org.hostledger.core.query.OfferingList;
import org.hostledger.core.query.OfferingView;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.support.AsOf;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads of the offerings view, as of a date and as known at an instant. */
@Component
public class OfferingsQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public OfferingsQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public OfferingView handle(FindOffering query) {
        return find(query.offeringId(), query.at());
    }

    /** The offering on {@code at}, published or not; null when it had no record then. */
    public OfferingView find(String offeringId, TimePoint at) {
        List<OfferingView> found = jdbc.query(
                "SELECT * FROM rm_offering_version o WHERE o.offering_id = :id AND " + AsOf.version("o"),
                AsOf.params(at).addValue("id", offeringId),
                (rs, n) -> view(rs));
        return found.isEmpty() || !found.get(0).published() ? null : found.get(0);
    }

    @QueryHandler
    public OfferingList handle(ListOfferings query) {
        MapSqlParameterSource params = AsOf.params(query.at());
        StringBuilder where = new StringBuilder(AsOf.version("o"));
        if (query.hostId() != null) {
            where.append(" AND o.host_id = :hostId");
            params.addValue("hostId", query.hostId());
        }
        if (query.register() != null) {
            where.append(" AND o.register = :register");
            params.addValue("register", query.register());
        }
        if (!query.includeRemoved()) {
            where.append(" AND o.published = TRUE");
        }
        return new OfferingList(jdbc.query(
                "SELECT * FROM rm_offering_version o WHERE " + where + " ORDER BY o.publisher, o.name, o.offering_id",
                params,
                (rs, n) -> view(rs)));
    }

    private static OfferingView view(java.sql.ResultSet rs) throws java.sql.SQLException {
        OfferingState s = OfferingsProjection.state(rs, 0);
        return new OfferingView(
                rs.getString("offering_id"),
                s.hostId(),
                s.publisher(),
                s.name(),
                s.register(),
                s.published(),
                rs.getObject("eff_from", LocalDate.class),
                s.chain(),
                s.sources());
    }
}
