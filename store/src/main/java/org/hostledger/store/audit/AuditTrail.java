package org.hostledger.store.audit;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.queryhandling.QueryHandler;
import org.hostledger.core.audit.EventMetadata;
import org.hostledger.core.event.LedgerEvent;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.AuditEvent;
import org.hostledger.core.query.AuditPage;
import org.hostledger.core.query.ChainVerification;
import org.hostledger.core.query.ListAuditEvents;
import org.hostledger.core.query.VerifyAuditChain;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail: the event store's own rows in global order, each with both its times, its actor and its sources.
 * Pages are cursors on the global position, which appends assign in commit order, so a page never misses an event
 * committed after it was read. Exports stream through a database cursor: memory does not grow with the store.
 */
public class AuditTrail {

    /** How many rows a page may examine when the actor filter (not indexable: it lives in the metadata) is used. */
    static final int MAX_SCAN_PER_PAGE = 100_000;

    private static final String EVENT_PACKAGE = "org.hostledger.core.event.";
    private static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, time_stamp, payload_type, payload, meta_data";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;
    private final ChainVerifier chainVerifier;
    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private final Map<String, Class<? extends LedgerEvent>> eventTypes = new ConcurrentHashMap<>();
    private volatile Boolean postgres;

    public AuditTrail(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, ChainVerifier chainVerifier) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(500);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
        this.chainVerifier = chainVerifier;
    }

    @QueryHandler
    public AuditPage handle(ListAuditEvents query) {
        int limit = Math.max(1, Math.min(query.limit(), ListAuditEvents.MAX_LIMIT));
        List<AuditEvent> events = new ArrayList<>(Math.min(limit, 64));
        long[] lastExamined = {query.after()};
        boolean[] more = {false};
        int scanLimit = query.actor() == null ? limit + 1 : MAX_SCAN_PER_PAGE;
        readOnly.executeWithoutResult(status -> scan(
                query,
                scanLimit,
                rs -> {
                    if (events.size() == limit) {
                        more[0] = true;
                        return false;
                    }
                    AuditEvent event = event(rs);
                    lastExamined[0] = event.position();
                    if (matchesActor(query, event)) {
                        events.add(event);
                    }
                    return true;
                },
                () -> more[0] = true));
        Long next = more[0] ? lastExamined[0] : null;
        return new AuditPage(events, next);
    }

    @QueryHandler
    public ChainVerification handle(VerifyAuditChain query) {
        ChainVerifier.Result result = chainVerifier.verify();
        return new ChainVerification(
                result.intact(),
                result.checked(),
                result.firstBrokenPosition(),
                result.headPosition(),
                result.headHash());
    }

    /**
     * Streams every matching event after {@code query.after()} to {@code sink}, at most {@code maxEvents}, in global
     * order, with a database cursor. The sink may throw {@link IOException} (a client gone): the export stops.
     */
    public long export(ListAuditEvents query, long maxEvents, EventSink sink) throws IOException {
        long[] written = {0};
        IOException[] failure = {null};
        readOnly.executeWithoutResult(status -> scan(
                query,
                Long.MAX_VALUE,
                rs -> {
                    if (written[0] >= maxEvents) {
                        return false;
                    }
                    AuditEvent event = event(rs);
                    if (!matchesActor(query, event)) {
                        return true;
                    }
                    try {
                        sink.accept(event);
                    } catch (IOException e) {
                        failure[0] = e;
                        return false;
                    }
                    written[0]++;
                    return true;
                },
                () -> {}));
        if (failure[0] != null) {
            throw failure[0];
        }
        return written[0];
    }

    /** Receives exported events one by one. */
    @FunctionalInterface
    public interface EventSink {
        void accept(AuditEvent event) throws IOException;
    }

    @FunctionalInterface
    private interface RowVisitor {
        /** Answers false to stop reading. */
        boolean visit(ResultSet rs) throws SQLException;
    }

    private void scan(ListAuditEvents query, long maxRows, RowVisitor visitor, Runnable stoppedEarly) {
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM domain_event_entry WHERE global_index > ?");
        List<Object> args = new ArrayList<>();
        args.add(query.after());
        if (query.aggregateId() != null) {
            sql.append(" AND aggregate_identifier = ?");
            args.add(query.aggregateId());
        }
        if (query.aggregateType() != null) {
            sql.append(" AND type = ?");
            args.add(query.aggregateType());
        }
        if (query.type() != null) {
            if (postgres()) {
                // PostgreSQL's index of event types is keyed by the type's code and the position (V84): one ordered
                // range per revision of the type.
                sql.append(" AND payload_type_code IN (SELECT code FROM event_payload_type WHERE name = ?)");
                args.add(EVENT_PACKAGE + query.type());
            }
            sql.append(" AND payload_type = ?");
            args.add(EVENT_PACKAGE + query.type());
        }
        if (query.recordedFrom() != null) {
            sql.append(" AND time_stamp >= ?");
            args.add(OffsetDateTime.ofInstant(query.recordedFrom(), java.time.ZoneOffset.UTC));
        }
        if (query.recordedTo() != null) {
            sql.append(" AND time_stamp < ?");
            args.add(OffsetDateTime.ofInstant(query.recordedTo(), java.time.ZoneOffset.UTC));
        }
        sql.append(" ORDER BY global_index");
        if (maxRows < Integer.MAX_VALUE) {
            sql.append(" FETCH FIRST ").append(maxRows).append(" ROWS ONLY");
        }
        long[] rows = {0};
        boolean[] stopped = {false};
        jdbc.query(
                sql.toString(),
                (RowCallbackHandler) rs -> {
                    if (stopped[0]) {
                        return;
                    }
                    rows[0]++;
                    if (!visitor.visit(rs)) {
                        stopped[0] = true;
                    }
                },
                args.toArray());
        if (stopped[0] || rows[0] >= maxRows) {
            stoppedEarly.run();
        }
    }

    /** Whether the store is PostgreSQL, asked of the database once. */
    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = jdbc.execute((ConnectionCallback<Boolean>)
                    connection -> "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()));
            postgres = known;
        }
        return known;
    }

    private static boolean matchesActor(ListAuditEvents query, AuditEvent event) {
        return query.actor() == null || query.actor().equals(event.actor());
    }

    private AuditEvent event(ResultSet rs) throws SQLException {
        String payloadType = rs.getString("payload_type");
        byte[] payload = rs.getBytes("payload");
        String json = new String(payload, StandardCharsets.UTF_8);
        LocalDate effectiveOn = null;
        List<SourceNote> sources = List.of();
        Class<? extends LedgerEvent> type = eventType(payloadType);
        if (type != null) {
            try {
                LedgerEvent event = mapper.readValue(payload, type);
                effectiveOn = event.effectiveDate();
                sources = event.sources() == null ? List.of() : event.sources();
            } catch (IOException e) {
                // The payload is shown verbatim; its dates stay unknown rather than the trail failing.
                effectiveOn = null;
            }
        }
        JsonNode meta = metadata(rs.getBytes("meta_data"));
        String simpleName =
                payloadType.startsWith(EVENT_PACKAGE) ? payloadType.substring(EVENT_PACKAGE.length()) : payloadType;
        return new AuditEvent(
                rs.getLong("global_index"),
                rs.getString("event_identifier"),
                rs.getString("type"),
                rs.getString("aggregate_identifier"),
                rs.getLong("sequence_number"),
                simpleName,
                effectiveOn,
                rs.getObject("time_stamp", OffsetDateTime.class).toInstant(),
                text(meta, EventMetadata.ACTOR),
                text(meta, EventMetadata.CORRELATION_ID),
                sources,
                json);
    }

    /** Only the ledger's own event classes are ever loaded by a name read from the database. */
    @SuppressWarnings("unchecked")
    private Class<? extends LedgerEvent> eventType(String payloadType) {
        if (!payloadType.startsWith(EVENT_PACKAGE) || payloadType.indexOf('.', EVENT_PACKAGE.length()) >= 0) {
            return null;
        }
        return eventTypes.computeIfAbsent(payloadType, name -> {
            try {
                Class<?> type = Class.forName(name, false, LedgerEvent.class.getClassLoader());
                return LedgerEvent.class.isAssignableFrom(type) ? (Class<? extends LedgerEvent>) type : null;
            } catch (ClassNotFoundException e) {
                return null;
            }
        });
    }

    private JsonNode metadata(byte[] bytes) {
        try {
            return bytes == null ? null : mapper.readTree(bytes);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node == null || !node.hasNonNull(field) ? null : node.get(field).asText();
    }
}
