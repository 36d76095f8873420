package org.hostledger.projections.registry;

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
import org.hostledger.core.event.CertificationCorrected;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationReinstated;
import org.hostledger.core.event.CertificationRenewed;
import org.hostledger.core.event.CertificationScopeChanged;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.CertificationWithdrawn;
import org.hostledger.core.event.HostCorrected;
import org.hostledger.core.event.HostOwnershipChanged;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.model.SourceNote;
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
 * The registry: hosts and their certificates as the official list shows them, over time. Owns the {@code rm_host_*}
 * and {@code rm_cert_*} tables.
 */
@Component
@ProcessingGroup(RegistryProjection.NAME)
public class RegistryProjection {

    public static final String NAME = "registry";

    private static final String HOST_BASE = "rm_host_base:";
    private static final String CERT_BASE = "rm_cert_base:";

    /** The places of {@code aggregate_version} among the base rows' insert arguments. */
    private static final int HOST_BASE_VERSION = 7;

    private static final int CERT_BASE_VERSION = 10;

    /** How many hosts are in effect per date and exposure, as known now: the host list's totals. */
    public static final CurrentCounts<HostState> HOST_COUNTS =
            new CurrentCounts<>("rm_host_count", state -> state.exposure().name(), "rm_host_version", "exposure");

    /** How many certificates are in effect per date, as known now: the certificate list's totals. */
    public static final CurrentCounts<CertState> CERT_COUNTS =
            new CurrentCounts<>("rm_cert_count", state -> "ALL", "rm_cert_version", "'ALL'");

    private final JdbcTemplate jdbc;
    private final VersionTable<HostState> hostVersions;
    private final VersionTable<CertState> certVersions;

    public RegistryProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.hostVersions = new VersionTable<>(
                "rm_host_version",
                "host_id",
                HostState.COLUMNS,
                RegistryProjection::hostState,
                HostState::values,
                HOST_COUNTS);
        this.certVersions = new VersionTable<>(
                "rm_cert_version",
                "cert_id",
                CertState.COLUMNS,
                RegistryProjection::certState,
                CertState::values,
                CERT_COUNTS);
    }

    private ProjectionBatch batch() {
        return ProjectionBatch.current(jdbc, NAME);
    }

    // --- Hosts -------------------------------------------------------------------------------------

    @EventHandler
    void on(HostRegistered e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        ProjectionBatch batch = batch();
        String sources = JsonColumns.write(e.sources());
        batch.insertRecord(
                HOST_BASE + e.hostId(),
                "INSERT INTO rm_host_base (host_id, name, country, parent_company, parent_country, registered_on, "
                        + "sources, aggregate_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                e.hostId(),
                e.name(),
                e.country(),
                e.parentCompany(),
                e.parentCountry(),
                e.effectiveOn(),
                sources,
                version);
        HostState state =
                new HostState(e.name(), e.country(), e.parentCompany(), e.parentCountry(), e.effectiveOn(), sources);
        hostVersions.create(
                batch,
                e.hostId(),
                List.of(new Segment<>(e.effectiveOn(), Bitemporal.OPEN_DATE, state)),
                EventPosition.of(token, recorded));
    }

    @EventHandler
    void on(HostOwnershipChanged e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        HostChange change = new HostChange(
                HostChange.Kind.OWNERSHIP_CHANGED,
                e.effectiveOn(),
                at.globalIndex(),
                e.parentCompany(),
                e.parentCountry());
        insertHostChange(batch, e.hostId(), change, at, e.reason(), e.sources());
        batch.updateInserted(
                HOST_BASE + e.hostId(),
                HOST_BASE_VERSION,
                version,
                "UPDATE rm_host_base SET aggregate_version = ? WHERE host_id = ?",
                version,
                e.hostId());
        hostVersions.change(
                batch, e.hostId(), e.effectiveOn(), change::applyTo, at, () -> hostTimeline(batch, e.hostId()));
    }

    @EventHandler
    void on(HostCorrected e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        batch.flush();
        String sources = JsonColumns.mergedSources(
                jdbc.queryForObject("SELECT sources FROM rm_host_base WHERE host_id = ?", String.class, e.hostId()),
                e.sources());
        jdbc.update(
                "UPDATE rm_host_base SET name = ?, country = ?, parent_company = ?, parent_country = ?, "
                        + "registered_on = ?, sources = ?, aggregate_version = ? WHERE host_id = ?",
                e.name(),
                e.country(),
                e.parentCompany(),
                e.parentCountry(),
                e.effectiveOn(),
                sources,
                version,
                e.hostId());
        HostChange change = new HostChange(
                HostChange.Kind.CORRECTED, e.effectiveOn(), at.globalIndex(), e.parentCompany(), e.parentCountry());
        insertHostChange(batch, e.hostId(), change, at, e.reason(), e.sources());
        hostVersions.replace(batch, e.hostId(), hostTimeline(batch, e.hostId()), at);
    }

    /** The host's whole timeline, folded again from its base and changes (after sending the batch's writes). */
    private List<Segment<HostState>> hostTimeline(ProjectionBatch batch, String hostId) {
        batch.flush();
        HostState base = jdbc.queryForObject(
                "SELECT name, country, parent_company, parent_country, registered_on, sources FROM rm_host_base "
                        + "WHERE host_id = ?",
                RegistryProjection::hostState,
                hostId);
        List<HostChange> changes = jdbc.query(
                "SELECT kind, effective_on, rec_seq, parent_company, parent_country FROM rm_host_change "
                        + "WHERE host_id = ?",
                (rs, n) -> new HostChange(
                        HostChange.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getLong("rec_seq"),
                        rs.getString("parent_company"),
                        rs.getString("parent_country")),
                hostId);
        return Timelines.fold(base.registeredOn(), base, changes, (state, change) -> change.applyTo(state));
    }

    private static void insertHostChange(
            ProjectionBatch batch,
            String hostId,
            HostChange change,
            EventPosition at,
            String reason,
            List<SourceNote> sources) {
        batch.insert(
                "INSERT INTO rm_host_change (host_id, rec_seq, kind, effective_on, rec_from, parent_company, "
                        + "parent_country, reason, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                hostId,
                at.globalIndex(),
                change.kind().name(),
                change.effectiveOn(),
                Bitemporal.timestamp(at.recordedAt()),
                change.parentCompany(),
                change.parentCountry(),
                reason,
                JsonColumns.write(sources));
    }

    static HostState hostState(ResultSet rs, int n) throws SQLException {
        return new HostState(
                rs.getString("name"),
                rs.getString("country"),
                rs.getString("parent_company"),
                rs.getString("parent_country"),
                rs.getObject("registered_on", LocalDate.class),
                rs.getString("sources"));
    }

    // --- Certifications ------------------------------------------------------------------------------

    @EventHandler
    void on(CertificationGranted e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        ProjectionBatch batch = batch();
        String sources = JsonColumns.write(e.sources());
        String activities = Activities.text(e.activities());
        batch.insertRecord(
                CERT_BASE + e.certificationId(),
                "INSERT INTO rm_cert_base (cert_id, host_id, scheme, referential, certifier, activities, scope, "
                        + "valid_from, valid_until, sources, aggregate_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.certificationId(),
                e.hostId(),
                e.scheme(),
                e.referential(),
                e.certifier(),
                activities,
                e.scope(),
                e.validFrom(),
                e.validUntil(),
                sources,
                version);
        CertState state = new CertState(
                e.hostId(),
                e.scheme(),
                e.referential(),
                e.certifier(),
                e.scope(),
                activities,
                e.validFrom(),
                e.validUntil(),
                CertStatus.VALID,
                sources);
        certVersions.create(
                batch,
                e.certificationId(),
                List.of(new Segment<>(e.validFrom(), Bitemporal.OPEN_DATE, state)),
                EventPosition.of(token, recorded));
    }

    @EventHandler
    void on(CertificationSuspended e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        certChange(
                e.certificationId(),
                CertChange.Kind.SUSPENDED,
                e.effectiveOn(),
                null,
                null,
                null,
                e.reason(),
                e.sources(),
                version,
                EventPosition.of(token, recorded));
    }

    @EventHandler
    void on(CertificationReinstated e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        certChange(
                e.certificationId(),
                CertChange.Kind.REINSTATED,
                e.effectiveOn(),
                null,
                null,
                null,
                e.reason(),
                e.sources(),
                version,
                EventPosition.of(token, recorded));
    }

    @EventHandler
    void on(CertificationWithdrawn e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        certChange(
                e.certificationId(),
                CertChange.Kind.WITHDRAWN,
                e.effectiveOn(),
                null,
                null,
                null,
                e.reason(),
                e.sources(),
                version,
                EventPosition.of(token, recorded));
    }

    @EventHandler
    void on(CertificationRenewed e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        certChange(
                e.certificationId(),
                CertChange.Kind.RENEWED,
                e.effectiveOn(),
                e.validUntil(),
                e.referential(),
                null,
                null,
                e.sources(),
                version,
                EventPosition.of(token, recorded));
    }

    @EventHandler
    void on(
            CertificationScopeChanged e,
            @SequenceNumber Long version,
            @Timestamp Instant recorded,
            TrackingToken token) {
        certChange(
                e.certificationId(),
                CertChange.Kind.SCOPE_CHANGED,
                e.effectiveOn(),
                null,
                null,
                Activities.text(e.activities()),
                e.reason(),
                e.sources(),
                version,
                EventPosition.of(token, recorded));
    }

    @EventHandler
    void on(CertificationCorrected e, @SequenceNumber Long version, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        batch.flush();
        String sources = JsonColumns.mergedSources(
                jdbc.queryForObject(
                        "SELECT sources FROM rm_cert_base WHERE cert_id = ?", String.class, e.certificationId()),
                e.sources());
        jdbc.update(
                "UPDATE rm_cert_base SET host_id = ?, referential = ?, certifier = ?, activities = ?, scope = ?, "
                        + "valid_from = ?, valid_until = ?, sources = ?, aggregate_version = ? WHERE cert_id = ?",
                e.hostId(),
                e.referential(),
                e.certifier(),
                Activities.text(e.activities()),
                e.scope(),
                e.validFrom(),
                e.validUntil(),
                sources,
                version,
                e.certificationId());
        insertCertChange(
                batch,
                e.certificationId(),
                new CertChange(
                        CertChange.Kind.CORRECTED,
                        e.validFrom(),
                        at.globalIndex(),
                        e.validUntil(),
                        e.referential(),
                        Activities.text(e.activities())),
                at,
                e.reason(),
                e.sources());
        certVersions.replace(batch, e.certificationId(), certTimeline(batch, e.certificationId()), at);
    }

    private void certChange(
            String certId,
            CertChange.Kind kind,
            LocalDate effectiveOn,
            LocalDate validUntil,
            String referential,
            String activities,
            String reason,
            List<SourceNote> sources,
            Long version,
            EventPosition at) {
        ProjectionBatch batch = batch();
        CertChange change = new CertChange(kind, effectiveOn, at.globalIndex(), validUntil, referential, activities);
        insertCertChange(batch, certId, change, at, reason, sources);
        batch.updateInserted(
                CERT_BASE + certId,
                CERT_BASE_VERSION,
                version,
                "UPDATE rm_cert_base SET aggregate_version = ? WHERE cert_id = ?",
                version,
                certId);
        certVersions.change(batch, certId, effectiveOn, change::applyTo, at, () -> certTimeline(batch, certId));
    }

    private static void insertCertChange(
            ProjectionBatch batch,
            String certId,
            CertChange change,
            EventPosition at,
            String reason,
            List<SourceNote> sources) {
        batch.insert(
                "INSERT INTO rm_cert_change (cert_id, rec_seq, kind, effective_on, rec_from, valid_until, "
                        + "referential, activities, reason, sources) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                certId,
                at.globalIndex(),
                change.kind().name(),
                change.effectiveOn(),
                Bitemporal.timestamp(at.recordedAt()),
                change.validUntil(),
                change.referential(),
                change.activities(),
                reason,
                JsonColumns.write(sources));
    }

    /** The certificate's whole timeline, folded again from its base and changes (after sending the batch's writes). */
    private List<Segment<CertState>> certTimeline(ProjectionBatch batch, String certId) {
        batch.flush();
        CertState base = jdbc.queryForObject(
                "SELECT host_id, scheme, referential, certifier, scope, activities, valid_from, valid_until, "
                        + "'VALID' AS status, sources FROM rm_cert_base WHERE cert_id = ?",
                RegistryProjection::certState,
                certId);
        List<CertChange> changes = jdbc.query(
                "SELECT kind, effective_on, rec_seq, valid_until, referential, activities FROM rm_cert_change "
                        + "WHERE cert_id = ?",
                (rs, n) -> new CertChange(
                        CertChange.Kind.valueOf(rs.getString("kind")),
                        rs.getObject("effective_on", LocalDate.class),
                        rs.getLong("rec_seq"),
                        rs.getObject("valid_until", LocalDate.class),
                        rs.getString("referential"),
                        rs.getString("activities")),
                certId);
        return Timelines.fold(base.validFrom(), base, changes, (state, change) -> change.applyTo(state));
    }

    static CertState certState(ResultSet rs, int n) throws SQLException {
        return new CertState(
                rs.getString("host_id"),
                rs.getString("scheme"),
                rs.getString("referential"),
                rs.getString("certifier"),
                rs.getString("scope"),
                rs.getString("activities"),
                rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class),
                CertStatus.valueOf(rs.getString("status")),
                rs.getString("sources"));
    }

    @ResetHandler
    void reset() {
        ReadModelTables.clear(
                jdbc,
                List.of(
                        "rm_host_version",
                        "rm_host_change",
                        "rm_host_base",
                        "rm_cert_version",
                        "rm_cert_change",
                        "rm_cert_base",
                        HOST_COUNTS.table(),
                        CERT_COUNTS.table()));
    }
}
