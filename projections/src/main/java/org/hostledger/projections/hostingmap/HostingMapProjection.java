package org.hostledger.projections.hostingmap;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionEnded;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.MigrationPlanned;
import org.hostledger.core.query.DecisionStatus;
import org.hostledger.projections.support.Activities;
import org.hostledger.projections.support.Bitemporal;
import org.hostledger.projections.support.CurrentCounts;
import org.hostledger.projections.support.EventPosition;
import org.hostledger.projections.support.JsonColumns;
import org.hostledger.projections.support.ProjectionBatch;
import org.hostledger.projections.support.ReadModelTables;
import org.hostledger.projections.support.Segment;
import org.hostledger.projections.support.Timelines;
import org.hostledger.projections.support.VersionTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The hosting map: who hosts what and why, one record per decision, with its challenges, migration plans and end.
 * Owns the {@code rm_decision_*} tables. Hosts' countries and certificates are joined from the registry at query
 * time, so a change of ownership or a suspension shows on every decision at once.
 */
@Component
@ProcessingGroup(HostingMapProjection.NAME)
public class HostingMapProjection {

    public static final String NAME = "hosting-map";

    private static final String BASE = "rm_decision_base:";

    /** The place of {@code aggregate_version} among the base row's insert arguments. */
    private static final int BASE_VERSION = 11;

    /** How many decisions are in effect per date and status, as known now: the hosting map's totals. */
    public static final CurrentCounts<DecisionState> COUNTS =
            new CurrentCounts<>("rm_decision_count", state -> state.status().name(), "rm_decision_version", "status");

    private final JdbcTemplate jdbc;
    private final VersionTable<DecisionState> versions;

    public HostingMapProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.versions = new VersionTable<>(
                "rm_decision_version",
                "decision_id",
                DecisionState.COLUMNS,
                HostingMapProjection::state,
                DecisionState::values,
                COUNTS);
    }

    private ProjectionBatch batch() {
        return ProjectionBatch.current(jdbc, NAME);
    }

    @EventHandler
    void on(HostingDecisionRecorded e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        ProjectionBatch batch = batch();
        String activities = Activities.text(e.activities());
        String alternatives = JsonColumns.write(e.alternatives());
        String sources = JsonColumns.write(e.sources());
        batch.insertRecord(
                BASE + e.decisionId(),
                "INSERT INTO rm_decision_base (decision_id, controller, system_name, host_id, activities, decided_on, "
                        + "procurement, contractor, rationale, alternatives, sources, aggregate_version, offering_id, "
                        + "register_entry) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.decisionId(),
                e.controller(),
                e.system(),
                e.hostId(),
                activities,
                e.decidedOn(),
                e.procurement().name(),
                e.contractor(),
                e.rationale(),
                alternatives,
                sources,
                version,
                e.offeringId(),
                e.registerEntry());
        DecisionState state = new DecisionState(
                e.controller(),
                e.system(),
                e.hostId(),
                activities,
                e.decidedOn(),
                e.procurement().name(),
                e.contractor(),
                e.rationale(),
                alternatives,
                DecisionStatus.ACTIVE,
                null,
                null,
                null,
                sources,
                e.offeringId());
        versions.create(
                batch,
                e.decisionId(),
                List.of(new Segment<>(e.decidedOn(), Bitemporal.OPEN_DATE, state)),
                EventPosition.of(token, recorded));
    }

    @EventHandler
    void on(
            HostingDecisionChallenged e,
            @SequenceNumber Long version,
            @Timestamp Instant recorded,
            TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        batch.insert(
                "INSERT INTO rm_decision_event (decision_id, rec_seq, kind, effective_on, rec_from, by_whom, argument, "
                        + "forum, outcome, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.decisionId(),
                at.globalIndex(),
                DecisionChange.Kind.CHALLENGED.name(),
                e.effectiveOn(),
                Bitemporal.timestamp(at.recordedAt()),
                e.challenger(),
                e.argument(),
                e.forum(),
                e.outcome(),
                JsonColumns.write(e.sources()));
        bump(batch, e.decisionId(), version);
    }

    @EventHandler
    void on(MigrationPlanned e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        batch.insert(
                "INSERT INTO rm_decision_event (decision_id, rec_seq, kind, effective_on, rec_from, target_host_id, "
                        + "target, target_date, rationale, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.decisionId(),
                at.globalIndex(),
                DecisionChange.Kind.MIGRATION_PLANNED.name(),
                e.effectiveOn(),
                Bitemporal.timestamp(at.recordedAt()),
                e.targetHostId(),
                e.target(),
                e.targetDate(),
                e.rationale(),
                JsonColumns.write(e.sources()));
        bump(batch, e.decisionId(), version);
        DecisionChange change = new DecisionChange(
                DecisionChange.Kind.MIGRATION_PLANNED, e.effectiveOn(), at.globalIndex(), null, null);
        versions.change(
                batch, e.decisionId(), e.effectiveOn(), change::applyTo, at, () -> timeline(batch, e.decisionId()));
    }

    @EventHandler
    void on(HostingDecisionEnded e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        batch.insert(
                "INSERT INTO rm_decision_event (decision_id, rec_seq, kind, effective_on, rec_from, reason, "
                        + "superseded_by, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.decisionId(),
                at.globalIndex(),
                DecisionChange.Kind.ENDED.name(),
                e.effectiveOn(),
                Bitemporal.timestamp(at.recordedAt()),
                e.reason(),
                e.supersededBy(),
                JsonColumns.write(e.sources()));
        bump(batch, e.decisionId(), version);
        DecisionChange change = new DecisionChange(
                DecisionChange.Kind.ENDED, e.effectiveOn(), at.globalIndex(), e.reason(), e.supersededBy());
        versions.change(
                batch, e.decisionId(), e.effectiveOn(), change::applyTo, at, () -> timeline(batch, e.decisionId()));
    }

    @EventHandler
    void on(
            HostingDecisionCorrected e,
            @SequenceNumber Long version,
            @Timestamp Instant recorded,
            TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        batch.flush();
        String sources = JsonColumns.mergedSources(
                jdbc.queryForObject(
                        "SELECT sources FROM rm_decision_base WHERE decision_id = ?", String.class, e.decisionId()),
                e.sources());
        jdbc.update(
                "UPDATE rm_decision_base SET controller = ?, system_name = ?, host_id = ?, activities = ?, "
                        + "decided_on = ?, procurement = ?, contractor = ?, rationale = ?, alternatives = ?, sources = ?, "
                        + "aggregate_version = ? WHERE decision_id = ?",
                e.controller(),
                e.system(),
                e.hostId(),
                Activities.text(e.activities()),
                e.decidedOn(),
                e.procurement().name(),
                e.contractor(),
                e.rationale(),
                JsonColumns.write(e.alternatives()),
                sources,
                version,
                e.decisionId());
        if (e.offeringId() != null) {
            // Null: the correction left the offering as it was (and revision 1 corrections could not change it).
            jdbc.update(
                    "UPDATE rm_decision_base SET offering_id = ? WHERE decision_id = ?",
                    e.offeringId(),
                    e.decisionId());
        }
        batch.insert(
                "INSERT INTO rm_decision_event (decision_id, rec_seq, kind, effective_on, rec_from, reason, sources) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?)",
                e.decisionId(),
                at.globalIndex(),
                DecisionChange.Kind.CORRECTED.name(),
                e.decidedOn(),
                Bitemporal.timestamp(at.recordedAt()),
                e.reason(),
                JsonColumns.write(e.sources()));
        versions.replace(batch, e.decisionId(), timeline(batch, e.decisionId()), at);
    }

    private static void bump(ProjectionBatch batch, String decisionId, Long version) {
        batch.updateInserted(
                BASE + decisionId,
                BASE_VERSION,
                version,
                "UPDATE rm_decision_base SET aggregate_version = ? WHERE decision_id = ?",
                version,
                decisionId);
    }

    /** The decision's whole timeline, folded again from its base and facts (after sending the batch's writes). */
    private List<Segment<DecisionState>> timeline(ProjectionBatch batch, String decisionId) {
        batch.flush();
        DecisionState base = jdbc.queryForObject(
                "SELECT controller, system_name, host_id, activities, decided_on, procurement, contractor, rationale, "
                        + "alternatives, 'ACTIVE' AS status, CAST(NULL AS DATE) AS ended_on, "
                        + "CAST(NULL AS VARCHAR(10)) AS end_reason, CAST(NULL AS VARCHAR(10)) AS superseded_by, sources, "
                        + "offering_id "
                        + "FROM rm_decision_base WHERE decision_id = ?",
                HostingMapProjection::state,
                decisionId);
        List<DecisionChange> changes = jdbc.query(
                "SELECT kind, effective_on, rec_seq, reason, superseded_by FROM rm_decision_event "
                        + "WHERE decision_id = ? AND kind IN (" + DecisionChange.STATUS_KINDS + ")",
                (rs, n) -> new DecisionChange(
                        DecisionChange.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getLong("rec_seq"),
                        rs.getString("reason"),
                        rs.getString("superseded_by")),
                decisionId);
        return Timelines.fold(base.decidedOn(), base, changes, (state, change) -> change.applyTo(state));
    }

    static DecisionState state(ResultSet rs, int n) throws SQLException {
        return new DecisionState(
                rs.getString("controller"),
                rs.getString("system_name"),
                rs.getString("host_id"),
                rs.getString("activities"),
                rs.getObject("decided_on", LocalDate.class),
                rs.getString("procurement"),
                rs.getString("contractor"),
                rs.getString("rationale"),
                rs.getString("alternatives"),
                DecisionStatus.valueOf(rs.getString("status")),
                rs.getObject("ended_on", LocalDate.class),
                rs.getString("end_reason"),
                rs.getString("superseded_by"),
                rs.getString("sources"),
                rs.getString("offering_id"));
    }

    @ResetHandler
    void reset() {
        ReadModelTables.clear(
                jdbc, List.of("rm_decision_version", "rm_decision_event", "rm_decision_base", COUNTS.table()));
    }
}
