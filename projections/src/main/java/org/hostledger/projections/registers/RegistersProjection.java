package org.hostledger.projections.registers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackingToken;
import org.hostledger.core.event.RegisterEntryChanged;
import org.hostledger.core.event.RegisterEntryDelisted;
import org.hostledger.core.event.RegisterEntryListed;
import org.hostledger.core.event.RegisterEntryRelisted;
import org.hostledger.core.event.RegisterSnapshotImported;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.RegisterFinding;
import org.hostledger.projections.support.Bitemporal;
import org.hostledger.projections.support.EventPosition;
import org.hostledger.projections.support.JsonColumns;
import org.hostledger.projections.support.ProjectionBatch;
import org.hostledger.projections.support.ReadModelTables;
import org.hostledger.projections.support.Segment;
import org.hostledger.projections.support.VersionTable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The registers view. Owns the {@code rm_register_*} tables. */
@Component
@ProcessingGroup(RegistersProjection.NAME)
public class RegistersProjection {

    public static final String NAME = "registers";

    private static final String INSERT_CHANGE =
            "INSERT INTO rm_register_change (register, rec_seq, field_no, entry_id, "
                    + "kind, before_value, after_value, effective_on, published_at, sha256, rec_from) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final VersionTable<EntryState> versions;

    public RegistersProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.versions = new VersionTable<>(
                "rm_register_entry_version",
                "entry_key",
                EntryState.COLUMNS,
                RegistersProjection::state,
                EntryState::values);
    }

    private ProjectionBatch batch() {
        return ProjectionBatch.current(jdbc, NAME);
    }

    @EventHandler
    void on(RegisterEntryListed e, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        EntryState state = new EntryState(e.citation().register(), e.entryId(), e.facts(), true, e.effectiveOn(), null);
        versions.create(batch, e.entryKey(), List.of(new Segment<>(e.effectiveOn(), Bitemporal.OPEN_DATE, state)), at);
        change(
                batch,
                e.citation(),
                at,
                0,
                e.entryId(),
                "LISTED",
                null,
                e.facts().status(),
                e);
    }

    @EventHandler
    void on(RegisterEntryChanged e, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        versions.change(
                batch, e.entryKey(), e.effectiveOn(), s -> s.withFacts(e.after()), at, () -> outOfOrder(e.entryKey()));
        int n = 0;
        for (String field : e.fields()) {
            change(
                    batch,
                    e.citation(),
                    at,
                    n++,
                    e.entryId(),
                    field.toUpperCase(java.util.Locale.ROOT),
                    value(e.before(), field),
                    value(e.after(), field),
                    e);
        }
    }

    @EventHandler
    void on(RegisterEntryDelisted e, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        versions.change(
                batch,
                e.entryKey(),
                e.effectiveOn(),
                s -> s.delisted(e.lastSeenIn()),
                at,
                () -> outOfOrder(e.entryKey()));
        change(batch, e.citation(), at, 0, e.entryId(), "DELISTED", null, null, e);
    }

    @EventHandler
    void on(RegisterEntryRelisted e, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        versions.change(
                batch, e.entryKey(), e.effectiveOn(), s -> s.withFacts(e.facts()), at, () -> outOfOrder(e.entryKey()));
        change(
                batch,
                e.citation(),
                at,
                0,
                e.entryId(),
                "RELISTED",
                null,
                e.facts().status(),
                e);
    }

    @EventHandler
    void on(RegisterSnapshotImported e, @Timestamp Instant recorded, TrackingToken token) {
        EventPosition at = EventPosition.of(token, recorded);
        ProjectionBatch batch = batch();
        RegisterCitation c = e.citation();
        OffsetDateTime publishedAt = Bitemporal.timestamp(c.publishedAt());
        OffsetDateTime recordedAt = Bitemporal.timestamp(at.recordedAt());
        batch.insert(
                "INSERT INTO rm_register_snapshot (register, published_at, published_on, sha256, url, rec_from, rec_seq, "
                        + "entries, changes, findings) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.register(),
                publishedAt,
                c.publishedOn(),
                c.sha256(),
                c.url(),
                recordedAt,
                at.globalIndex(),
                e.entries(),
                JsonColumns.write(new java.util.TreeMap<>(e.changes())),
                e.findings().size());
        int n = 0;
        for (RegisterFinding f : e.findings()) {
            batch.insert(
                    "INSERT INTO rm_register_finding (register, published_at, finding_no, where_in_file, entry_id, "
                            + "field, kind, raw_value, rec_from) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    c.register(),
                    publishedAt,
                    n++,
                    f.where(),
                    f.entryId(),
                    f.field(),
                    f.kind(),
                    f.raw(),
                    recordedAt);
        }
    }

    private static void change(
            ProjectionBatch batch,
            RegisterCitation c,
            EventPosition at,
            int n,
            String entryId,
            String kind,
            String before,
            String after,
            org.hostledger.core.event.LedgerEvent e) {
        batch.insert(
                INSERT_CHANGE,
                c.register(),
                at.globalIndex(),
                n,
                entryId,
                kind,
                before,
                after,
                e.effectiveDate(),
                Bitemporal.timestamp(c.publishedAt()),
                c.sha256(),
                Bitemporal.timestamp(at.recordedAt()));
    }

    private static String value(RegisterEntryFacts facts, String field) {
        return switch (field) {
            case "name" -> facts.name();
            case "provider" -> facts.provider();
            case "status" -> facts.status();
            case "level" -> facts.level();
            case "assessor" -> facts.assessor();
            default -> throw new IllegalArgumentException("unknown register field " + field);
        };
    }

    /** The aggregate refuses changes dated before an entry's latest one, so the timeline never folds again. */
    private static List<Segment<EntryState>> outOfOrder(String entryKey) {
        throw new IllegalStateException("register entry " + entryKey + " received a change dated before its latest");
    }

    @ResetHandler
    void reset() {
        ReadModelTables.clear(
                jdbc,
                List.of(
                        "rm_register_entry_version",
                        "rm_register_change",
                        "rm_register_snapshot",
                        "rm_register_finding"));
    }

    static EntryState state(ResultSet rs, int n) throws SQLException {
        OffsetDateTime lastSeen = rs.getObject("last_seen_in", OffsetDateTime.class);
        return new EntryState(
                rs.getString("register"),
                rs.getString("entry_id"),
                new RegisterEntryFacts(
                        rs.getString("name"),
                        rs.getString("provider"),
                        rs.getString("status"),
                        rs.getString("stage"),
                        rs.getString("level"),
                        rs.getString("assessor"),
                        rs.getString("host_id"),
                        rs.getString("cert_id")),
                rs.getBoolean("listed"),
                rs.getObject("first_listed_on", java.time.LocalDate.class),
                Objects.isNull(lastSeen) ? null : lastSeen.toInstant());
    }
}
