package org.hostledger.projections.offerings;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.hostledger.core.event.OfferingAdded;
import org.hostledger.core.event.OfferingChainChanged;
import org.hostledger.core.event.OfferingCorrected;
import org.hostledger.core.event.OfferingRemoved;
import org.hostledger.core.model.SourceNote;
import org.hostledger.projections.support.Bitemporal;
import org.hostledger.projections.support.EventPosition;
import org.hostledger.projections.support.JsonColumns;
import org.hostledger.projections.support.ProjectionBatch;
import org.hostledger.projections.support.ReadModelTables;
import org.hostledger.projections.support.Segment;
import org.hostledger.projections.support.VersionTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The offerings view. Owns {@code rm_offering_version}: one bitemporal row per stretch of an offering's timeline,
 * its chain as JSON. A correction replaces the chain of the latest stretch, from the instant it was recorded.
 */
@Component
@ProcessingGroup(OfferingsProjection.NAME)
public class OfferingsProjection {

    public static final String NAME = "offerings";

    private final JdbcTemplate jdbc;
    private final VersionTable<OfferingState> versions;

    public OfferingsProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.versions = new VersionTable<>(
                "rm_offering_version",
                "offering_id",
                OfferingState.COLUMNS,
                OfferingsProjection::state,
                OfferingState::values);
    }

    private ProjectionBatch batch() {
        return ProjectionBatch.current(jdbc, NAME);
    }

    @EventHandler
    void on(OfferingAdded e, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        if (e.again()) {
            versions.change(
                    batch,
                    e.offeringId(),
                    e.effectiveOn(),
                    s -> s.with(e.chain(), true, merged(s.sources(), e.sources())),
                    at,
                    () -> outOfOrder(e.offeringId()));
            return;
        }
        String register = e.citation() == null ? null : e.citation().register();
        OfferingState state =
                new OfferingState(e.hostId(), e.publisher(), e.name(), register, true, e.chain(), e.sources());
        versions.create(
                batch, e.offeringId(), List.of(new Segment<>(e.effectiveOn(), Bitemporal.OPEN_DATE, state)), at);
    }

    @EventHandler
    void on(OfferingChainChanged e, @Timestamp Instant recorded, TrackingToken token) {
        versions.change(
                batch(),
                e.offeringId(),
                e.effectiveOn(),
                s -> s.with(e.chain(), true, merged(s.sources(), e.sources())),
                EventPosition.of(token, recorded),
                () -> outOfOrder(e.offeringId()));
    }

    @EventHandler
    void on(OfferingRemoved e, @Timestamp Instant recorded, TrackingToken token) {
        versions.change(
                batch(),
                e.offeringId(),
                e.effectiveOn(),
                s -> s.with(s.chain(), false, merged(s.sources(), e.sources())),
                EventPosition.of(token, recorded),
                () -> outOfOrder(e.offeringId()));
    }

    @EventHandler
    void on(OfferingCorrected e, @Timestamp Instant recorded, TrackingToken token) {
        versions.change(
                batch(),
                e.offeringId(),
                e.effectiveOn(),
                s -> s.with(e.chain(), s.published(), merged(s.sources(), e.sources())),
                EventPosition.of(token, recorded),
                () -> outOfOrder(e.offeringId()));
    }

    private static List<SourceNote> merged(List<SourceNote> held, List<SourceNote> added) {
        java.util.LinkedHashSet<SourceNote> all = new java.util.LinkedHashSet<>(held);
        all.addAll(added);
        return List.copyOf(all);
    }

    /** The aggregate refuses changes dated before an offering's latest one, so the timeline never folds again. */
    private static List<Segment<OfferingState>> outOfOrder(String offeringId) {
        throw new IllegalStateException("offering " + offeringId + " received a change dated before its latest");
    }

    @ResetHandler
    void reset() {
        ReadModelTables.clear(jdbc, List.of(versions.toString()));
    }

    static OfferingState state(ResultSet rs, int n) throws SQLException {
        return new OfferingState(
                rs.getString("host_id"),
                rs.getString("publisher"),
                rs.getString("name"),
                rs.getString("register"),
                rs.getBoolean("published"),
                JsonColumns.chain(rs.getString("chain")),
                JsonColumns.sources(rs.getString("sources")));
    }
}
