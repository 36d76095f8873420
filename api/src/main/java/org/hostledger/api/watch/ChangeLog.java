package org.hostledger.api.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hostledger.core.query.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * "What changed between two dates": every recorded change (the watch's {@code watch_change} rows: one per event, with
 * the host and register it is about) that took effect or was recorded between two dates, grouped by record, newest
 * record first. The same rows feed the Atom feeds, so a page, the REST read and a feed never disagree.
 */
@Component
public class ChangeLog {

    /** The changes shown of one record; a certificate suspended ten thousand times shows its latest, and the count. */
    public static final int CHANGES_PER_RECORD = 100;

    private final NamedParameterJdbcTemplate jdbc;
    private final ObjectMapper json;

    public ChangeLog(NamedParameterJdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * One change: the event's type, its effective date (when it happened in the world, if it says) and recorded
     * instant, its reason when it gives one, and for a register entry the register's own id of the entry.
     */
    public record RecordedChange(
            long position, String type, LocalDate effectiveOn, Instant recordedAt, String reason, String entryId) {}

    /**
     * A record and its changes between the dates, oldest first ({@code changes} holds at most
     * {@link #CHANGES_PER_RECORD}, the latest; {@code changeCount} counts them all). {@code page} is the record's page
     * on this site, {@code api} its REST resource; either may be null.
     */
    public record ChangedRecord(
            String recordType,
            String recordId,
            String hostId,
            String register,
            String page,
            String api,
            List<RecordedChange> changes,
            long changeCount) {}

    /** A page of changed records, with how many records changed in all. */
    public record ChangedRecordPage(List<ChangedRecord> items, int page, int size, long totalItems) {

        public long totalPages() {
            return (totalItems + size - 1) / size;
        }
    }

    /**
     * The records that changed between {@code from} and {@code to} (both included): a change counts when its
     * effective date falls between them, or when it was recorded on one of those days in {@code zone}.
     *
     * @param hostId only the changes about this host: the host itself, its certificates, the decisions it serves
     */
    public ChangedRecordPage between(LocalDate from, LocalDate to, String hostId, ZoneId zone, PageRequest page) {
        MapSqlParameterSource params = new MapSqlParameterSource()
                .addValue("from", from)
                .addValue("to", to)
                .addValue("start", at(from.atStartOfDay(zone).toInstant()))
                .addValue("end", at(to.plusDays(1).atStartOfDay(zone).toInstant()));
        StringBuilder where = new StringBuilder(" FROM watch_change c WHERE ((c.effective_on >= :from"
                + " AND c.effective_on <= :to) OR (c.recorded_at >= :start AND c.recorded_at < :end))");
        if (hostId != null) {
            where.append(" AND c.host_id = :hostId");
            params.addValue("hostId", hostId);
        }
        Long total = jdbc.queryForObject(
                "SELECT COUNT(*) FROM (SELECT DISTINCT c.record_type, c.record_id" + where + ") r", params, Long.class);
        params.addValue("offset", page.offset()).addValue("size", page.size());
        Map<String, RecordKey> keys = new LinkedHashMap<>();
        jdbc.query(
                "SELECT c.record_type, c.record_id, MAX(c.position) AS latest" + where
                        + " GROUP BY c.record_type, c.record_id ORDER BY latest DESC"
                        + " OFFSET :offset ROWS FETCH NEXT :size ROWS ONLY",
                params,
                rs -> {
                    keys.put(
                            rs.getString("record_type") + "/" + rs.getString("record_id"),
                            new RecordKey(rs.getString("record_type"), rs.getString("record_id")));
                });
        if (keys.isEmpty()) {
            return new ChangedRecordPage(List.of(), page.page(), page.size(), total == null ? 0 : total);
        }
        params.addValue(
                "ids", keys.values().stream().map(RecordKey::id).distinct().toList());
        Map<String, List<Row>> rows = new LinkedHashMap<>();
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query(
                "SELECT * FROM (SELECT c.position, c.record_type, c.record_id, c.event_type, c.host_id, c.register_id,"
                        + " c.effective_on, c.recorded_at, c.payload, ROW_NUMBER() OVER (PARTITION BY c.record_type,"
                        + " c.record_id ORDER BY c.position DESC) AS rn, COUNT(*) OVER (PARTITION BY c.record_type,"
                        + " c.record_id) AS record_total" + where + " AND c.record_id IN (:ids)) x"
                        + " WHERE x.rn <= " + CHANGES_PER_RECORD + " ORDER BY x.position",
                params,
                rs -> {
                    String key = rs.getString("record_type") + "/" + rs.getString("record_id");
                    if (keys.containsKey(key)) {
                        rows.computeIfAbsent(key, k -> new ArrayList<>()).add(row(rs));
                        counts.put(key, rs.getLong("record_total"));
                    }
                });
        List<ChangedRecord> items = new ArrayList<>();
        for (Map.Entry<String, RecordKey> entry : keys.entrySet()) {
            List<Row> changes = rows.getOrDefault(entry.getKey(), List.of());
            items.add(record(entry.getValue(), changes, counts.getOrDefault(entry.getKey(), 0L)));
        }
        return new ChangedRecordPage(items, page.page(), page.size(), total == null ? 0 : total);
    }

    private record RecordKey(String type, String id) {}

    private record Row(WatchedChange change, RecordedChange shown) {}

    private Row row(ResultSet rs) throws SQLException {
        WatchedChange change = new WatchedChange(
                rs.getLong("position"),
                rs.getString("record_id"),
                rs.getString("record_type"),
                rs.getString("event_type"),
                rs.getString("host_id"),
                rs.getString("register_id"),
                rs.getObject("effective_on", LocalDate.class),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("payload"));
        JsonNode payload = payload(change.payload());
        return new Row(
                change,
                new RecordedChange(
                        change.position(),
                        change.eventType(),
                        change.effectiveOn(),
                        change.recordedAt(),
                        text(payload, "reason"),
                        text(payload, "entryId")));
    }

    private static ChangedRecord record(RecordKey key, List<Row> rows, long count) {
        // The latest change knows best which host and register the record is about now.
        WatchedChange latest = rows.isEmpty() ? null : rows.get(rows.size() - 1).change();
        String hostId = latest == null ? null : latest.hostId();
        String register = latest == null ? null : latest.registerId();
        String entryId = rows.stream()
                .map(r -> r.shown().entryId())
                .filter(id -> id != null)
                .findFirst()
                .orElse(null);
        String page = latest == null ? null : WatchLinks.page(latest).orElse(null);
        if ("Certification".equals(key.type())) {
            // Leads to the certificate on its host's page, wherever the host is now.
            page = "/certifications/" + key.id();
        } else if ("RegisterEntry".equals(key.type()) && register != null && entryId != null) {
            page = "/registers/" + register + "?q=" + URLEncoder.encode(entryId, StandardCharsets.UTF_8);
        }
        return new ChangedRecord(
                key.type(),
                key.id(),
                hostId,
                register,
                page,
                latest == null ? null : WatchLinks.api(latest).orElse(null),
                rows.stream().map(Row::shown).toList(),
                count);
    }

    private JsonNode payload(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored change whose payload is not JSON", e);
        }
    }

    private static String text(JsonNode payload, String field) {
        JsonNode value = payload.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static OffsetDateTime at(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
