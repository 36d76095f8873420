package org.hostledger.api.watch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The watch tables: subscriptions, changes, the outbox and its delivery log. */
@Component
public class WatchStore {

    /** A notification's state in the outbox. */
    public enum Status {
        PENDING,
        DELIVERED,
        DEAD
    }

    public record Subscription(
            String id,
            String owner,
            SubscriptionFilter filter,
            String webhookUrl,
            String secret,
            boolean paused,
            long fromPosition,
            Instant createdAt) {}

    public record Notification(
            String id,
            String subscriptionId,
            long position,
            String recordId,
            Status status,
            int attempts,
            Instant nextAttemptAt,
            Integer lastStatus,
            String lastError,
            Instant deliveredAt) {}

    public record Attempt(int attempt, Instant at, String node, Integer statusCode, String error, long durationMs) {}

    private static final String SUBSCRIPTION_COLUMNS =
            "subscription_id, owner, filter_json, webhook_url, secret, paused, from_position, created_at";
    private static final String NOTIFICATION_COLUMNS = "notification_id, subscription_id, position, record_id, status,"
            + " attempts, next_attempt_at, last_status, last_error, delivered_at";
    /** The notification's columns, of {@code watch_notification n} where it is joined with its subscription. */
    private static final String DUE_COLUMNS = java.util.Arrays.stream(NOTIFICATION_COLUMNS.split(", *"))
            .map(column -> "n." + column)
            .collect(java.util.stream.Collectors.joining(", "));

    private static final String CHANGE_COLUMNS = "position, record_id, record_type, event_type, host_id, register_id,"
            + " effective_on, recorded_at, payload";

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;
    private final Map<String, SubscriptionFilter> filters = new ConcurrentHashMap<>();
    private volatile WebhookSubscriptions webhooks;

    public WatchStore(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The first row of a query by key, if any. */
    private <T> Optional<T> one(String sql, org.springframework.jdbc.core.RowMapper<T> mapper, Object key) {
        return jdbc.query(sql, mapper, key).stream().findFirst();
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static Integer integer(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    // --- subscriptions ----------------------------------------------------------------------------------------

    public void insert(Subscription s) {
        jdbc.update(
                "INSERT INTO watch_subscription (" + SUBSCRIPTION_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                s.id(),
                s.owner(),
                write(s.filter()),
                s.webhookUrl(),
                s.secret(),
                s.paused(),
                s.fromPosition(),
                at(s.createdAt()));
        subscriptionsChanged();
    }

    /** After the change itself: a processor that read the new version reads the subscriptions with the change. */
    private void subscriptionsChanged() {
        jdbc.update("UPDATE watch_subscription_version SET version = version + 1 WHERE id = 1");
    }

    public Optional<Subscription> subscription(String id) {
        return one(
                "SELECT " + SUBSCRIPTION_COLUMNS + " FROM watch_subscription WHERE subscription_id = ?",
                this::toSubscription,
                id);
    }

    /** Every subscription, or those of {@code owner}; oldest first. */
    public List<Subscription> subscriptions(String owner) {
        return owner == null
                ? jdbc.query(
                        "SELECT " + SUBSCRIPTION_COLUMNS
                                + " FROM watch_subscription ORDER BY created_at, subscription_id",
                        this::toSubscription)
                : jdbc.query(
                        "SELECT " + SUBSCRIPTION_COLUMNS
                                + " FROM watch_subscription WHERE owner = ? ORDER BY created_at, subscription_id",
                        this::toSubscription,
                        owner);
    }

    /**
     * Webhook subscriptions made before {@code position}: those told about the event there. They are kept in memory
     * and read again when the version counter moved (a subscription made or deleted on any node), so matching an
     * event costs one primary-key read, not a read of every subscription.
     */
    public List<Subscription> webhookSubscriptionsBefore(long position) {
        List<Subscription> before = new ArrayList<>();
        for (Subscription subscription : webhookSubscriptions()) {
            if (subscription.fromPosition() >= position) {
                break;
            }
            before.add(subscription);
        }
        return before;
    }

    /** Whether any subscription has a webhook (one query while they stay the same). */
    public boolean hasWebhookSubscriptions() {
        return !webhookSubscriptions().isEmpty();
    }

    /** The webhook subscriptions, oldest {@code from_position} first, read again only when they changed. */
    private List<Subscription> webhookSubscriptions() {
        Long version = jdbc.queryForObject("SELECT version FROM watch_subscription_version WHERE id = 1", Long.class);
        WebhookSubscriptions known = webhooks;
        if (known == null || !known.version().equals(version)) {
            known = new WebhookSubscriptions(
                    version,
                    jdbc.query(
                            "SELECT " + SUBSCRIPTION_COLUMNS + " FROM watch_subscription WHERE webhook_url IS NOT NULL"
                                    + " ORDER BY from_position",
                            this::toSubscription));
            webhooks = known;
        }
        return known.subscriptions();
    }

    /** The webhook subscriptions as of a version of the counter, oldest {@code from_position} first. */
    private record WebhookSubscriptions(Long version, List<Subscription> subscriptions) {}

    public boolean setPaused(String id, boolean paused) {
        return jdbc.update("UPDATE watch_subscription SET paused = ? WHERE subscription_id = ?", paused, id) == 1;
    }

    public void delete(String id) {
        jdbc.update(
                "DELETE FROM watch_attempt WHERE notification_id IN "
                        + "(SELECT notification_id FROM watch_notification WHERE subscription_id = ?)",
                id);
        jdbc.update("DELETE FROM watch_notification WHERE subscription_id = ?", id);
        jdbc.update("DELETE FROM watch_subscription WHERE subscription_id = ?", id);
        subscriptionsChanged();
        filters.remove(id);
    }

    private Subscription toSubscription(ResultSet rs, int row) throws SQLException {
        String id = rs.getString("subscription_id");
        String filter = rs.getString("filter_json");
        return new Subscription(
                id,
                rs.getString("owner"),
                filters.computeIfAbsent(id, k -> read(filter)),
                rs.getString("webhook_url"),
                rs.getString("secret"),
                rs.getBoolean("paused"),
                rs.getLong("from_position"),
                instant(rs, "created_at"));
    }

    private String write(SubscriptionFilter filter) {
        try {
            return json.writeValueAsString(filter);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a filter that cannot be written as JSON", e);
        }
    }

    private SubscriptionFilter read(String filter) {
        try {
            return json.readValue(filter, SubscriptionFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored filter that cannot be read: " + filter, e);
        }
    }

    // --- changes --------------------------------------------------------------------------------------------

    public boolean hasChange(long position) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT COUNT(*) > 0 FROM watch_change WHERE position = ?", Boolean.class, position));
    }

    /** The positions in {@code [from, to)} whose change is recorded. */
    public Set<Long> changesBetween(long from, long to) {
        return new HashSet<>(jdbc.queryForList(
                "SELECT position FROM watch_change WHERE position >= ? AND position < ?", Long.class, from, to));
    }

    /** Records changes in one JDBC batch. */
    public void insertChanges(List<WatchedChange> changes) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (WatchedChange c : changes) {
            rows.add(new Object[] {
                c.position(),
                c.recordId(),
                c.recordType(),
                c.eventType(),
                c.hostId(),
                c.registerId(),
                c.effectiveOn(),
                at(c.recordedAt()),
                c.payload()
            });
        }
        jdbc.batchUpdate("INSERT INTO watch_change (" + CHANGE_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
    }

    public Optional<WatchedChange> change(long position) {
        return one(
                "SELECT " + CHANGE_COLUMNS + " FROM watch_change WHERE position = ?", WatchStore::toChange, position);
    }

    /** The latest {@code limit} changes a filter selects, newest first. */
    public List<WatchedChange> latestChanges(SubscriptionFilter filter, int limit) {
        StringBuilder sql = new StringBuilder("SELECT " + CHANGE_COLUMNS + " FROM watch_change WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        in(sql, args, "record_id", filter.recordIds());
        in(sql, args, "host_id", filter.hostId() == null ? List.of() : List.of(filter.hostId()));
        in(sql, args, "register_id", filter.register() == null ? List.of() : List.of(filter.register()));
        in(sql, args, "event_type", filter.eventTypes());
        sql.append(" ORDER BY position DESC LIMIT ").append(limit);
        return jdbc.query(sql.toString(), WatchStore::toChange, args.toArray());
    }

    /** {@code AND column IN (?, …)} when {@code values} is not empty. */
    private static void in(StringBuilder sql, List<Object> args, String column, List<String> values) {
        if (!values.isEmpty()) {
            sql.append(" AND ")
                    .append(column)
                    .append(" IN (")
                    .append(String.join(", ", Collections.nCopies(values.size(), "?")))
                    .append(')');
            args.addAll(values);
        }
    }

    private static WatchedChange toChange(ResultSet rs, int row) throws SQLException {
        return new WatchedChange(
                rs.getLong("position"),
                rs.getString("record_id"),
                rs.getString("record_type"),
                rs.getString("event_type"),
                rs.getString("host_id"),
                rs.getString("register_id"),
                rs.getObject("effective_on", java.time.LocalDate.class),
                instant(rs, "recorded_at"),
                rs.getString("payload"));
    }

    public Optional<String> hostOf(String recordId) {
        return jdbc
                .queryForList("SELECT host_id FROM watch_record_host WHERE record_id = ?", String.class, recordId)
                .stream()
                .findFirst();
    }

    public void setHostOf(String recordId, String hostId) {
        if (jdbc.update("UPDATE watch_record_host SET host_id = ? WHERE record_id = ?", hostId, recordId) == 0) {
            jdbc.update("INSERT INTO watch_record_host (record_id, host_id) VALUES (?, ?)", recordId, hostId);
        }
    }

    /**
     * Sets the host of each record: one JDBC batch of updates, then one of inserts for the records that had no row (a
     * driver that does not say how many rows an update of the batch changed has those rows set one by one).
     */
    public void setHostsOf(Map<String, String> hostByRecord) {
        if (hostByRecord.isEmpty()) {
            return;
        }
        List<Map.Entry<String, String>> entries = new ArrayList<>(hostByRecord.entrySet());
        int[] updated = jdbc.batchUpdate(
                "UPDATE watch_record_host SET host_id = ? WHERE record_id = ?",
                entries.stream()
                        .map(e -> new Object[] {e.getValue(), e.getKey()})
                        .toList());
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, String> entry = entries.get(i);
            if (updated[i] == 0) {
                inserts.add(new Object[] {entry.getKey(), entry.getValue()});
            } else if (updated[i] < 0) {
                setHostOf(entry.getKey(), entry.getValue());
            }
        }
        if (!inserts.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO watch_record_host (record_id, host_id) VALUES (?, ?)", inserts);
        }
    }

    // --- the outbox -------------------------------------------------------------------------------------------

    /** Adds a notification unless it is there already (a change processed again after a crash or a replay). */
    public void enqueue(String notificationId, String subscriptionId, long position, String recordId, Instant now) {
        Integer present = jdbc.queryForObject(
                "SELECT COUNT(*) FROM watch_notification WHERE notification_id = ?", Integer.class, notificationId);
        if (present != null && present == 0) {
            jdbc.update(
                    "INSERT INTO watch_notification (notification_id, subscription_id, position, record_id, status,"
                            + " attempts, next_attempt_at, created_at) VALUES (?, ?, ?, ?, 'PENDING', 0, ?, ?)",
                    notificationId,
                    subscriptionId,
                    position,
                    recordId,
                    at(now),
                    at(now));
        }
    }

    /**
     * Pending notifications due at {@code now}, of active webhook subscriptions, not held by a node, and with no
     * earlier undelivered notification of the same record for the same subscription (so that a record's
     * notifications go in order; a dead letter holds the later ones back until it is redelivered).
     */
    public List<Notification> due(Instant now, int limit) {
        return jdbc.query(dueQuery(limit), WatchStore::toNotification, at(now), at(now));
    }

    /** The due query, its two parameters the time now (visible to the test that reads its plan). */
    static String dueQuery(int limit) {
        return "SELECT " + DUE_COLUMNS + " FROM watch_notification n"
                + " JOIN watch_subscription s ON s.subscription_id = n.subscription_id"
                + " WHERE n.status = 'PENDING' AND n.next_attempt_at <= ?"
                + " AND (n.lease_until IS NULL OR n.lease_until < ?) AND s.paused = FALSE"
                + earlier(Status.PENDING)
                + earlier(Status.DEAD)
                // "status, position" rather than "position": the same order (one status), but H2 then reads the index
                // (status, position) in order and stops at the limit; by "position" alone it read and sorted every
                // pending notification, a backlog of thousands, at each poll.
                + " ORDER BY n.status, n.position LIMIT " + limit;
    }

    /**
     * No earlier notification of the same subscription and record in {@code status}: one seek in the order index
     * (subscription, record, status, position) per undelivered status, rather than a read of the record's whole history.
     * Every status but DELIVERED must be named here.
     */
    private static String earlier(Status status) {
        return " AND NOT EXISTS (SELECT 1 FROM watch_notification p WHERE p.subscription_id = n.subscription_id"
                + " AND p.record_id = n.record_id AND p.status = '" + status.name() + "'"
                + " AND p.position < n.position)";
    }

    /**
     * Takes notifications for sending until {@code until}, in one transaction; answers those this node took (not those
     * another node took first, or delivered meanwhile).
     */
    @Transactional
    public Set<String> lease(List<String> notificationIds, Instant now, Instant until) {
        if (notificationIds.isEmpty()) {
            return Set.of();
        }
        int[] taken = jdbc.batchUpdate(
                "UPDATE watch_notification SET lease_until = ? WHERE notification_id = ? AND status = 'PENDING'"
                        + " AND (lease_until IS NULL OR lease_until < ?)",
                notificationIds.stream()
                        .map(id -> new Object[] {at(until), id, at(now)})
                        .toList());
        // H2 and PostgreSQL count each statement of a batch: 1 taken, 0 held by another node or sent meanwhile.
        Set<String> leased = new HashSet<>();
        for (int i = 0; i < taken.length; i++) {
            if (taken[i] == 1) {
                leased.add(notificationIds.get(i));
            }
        }
        return leased;
    }

    public Optional<Notification> notification(String id) {
        return one(
                "SELECT " + NOTIFICATION_COLUMNS + " FROM watch_notification WHERE notification_id = ?",
                WatchStore::toNotification,
                id);
    }

    /** A subscription's notifications, newest first. */
    public List<Notification> notifications(String subscriptionId, int limit) {
        return jdbc.query(
                "SELECT " + NOTIFICATION_COLUMNS
                        + " FROM watch_notification WHERE subscription_id = ? ORDER BY position DESC LIMIT " + limit,
                WatchStore::toNotification,
                subscriptionId);
    }

    public List<Attempt> attempts(String notificationId) {
        return jdbc.query(
                "SELECT attempt, attempted_at, node_id, status_code, error, duration_ms FROM watch_attempt"
                        + " WHERE notification_id = ? ORDER BY attempt",
                (rs, n) -> new Attempt(
                        rs.getInt("attempt"),
                        instant(rs, "attempted_at"),
                        rs.getString("node_id"),
                        integer(rs, "status_code"),
                        rs.getString("error"),
                        rs.getLong("duration_ms")),
                notificationId);
    }

    private static Notification toNotification(ResultSet rs, int row) throws SQLException {
        return new Notification(
                rs.getString("notification_id"),
                rs.getString("subscription_id"),
                rs.getLong("position"),
                rs.getString("record_id"),
                Status.valueOf(rs.getString("status")),
                rs.getInt("attempts"),
                instant(rs, "next_attempt_at"),
                integer(rs, "last_status"),
                rs.getString("last_error"),
                instant(rs, "delivered_at"));
    }

    /**
     * One attempt at one notification and its outcome: delivered, to be retried at {@code retryAt}, or dead.
     */
    public record Attempted(
            String notificationId,
            Instant at,
            String node,
            Integer statusCode,
            String error,
            long durationMs,
            Status outcome,
            Instant retryAt) {}

    /**
     * Records attempts and their outcomes in one transaction: each attempt's row in the log and its notification's
     * state together, never one without the other. One commit for many deliveries: a busy dispatcher's most frequent
     * write was this one, a commit per delivery.
     */
    @Transactional
    public void recordAttempts(List<Attempted> attempts) {
        if (attempts.isEmpty()) {
            return;
        }
        Map<String, Integer> last = lastAttempts(
                attempts.stream().map(Attempted::notificationId).distinct().toList());
        List<Object[]> rows = new ArrayList<>();
        for (Attempted a : attempts) {
            int number = last.merge(a.notificationId(), 1, Integer::sum);
            rows.add(new Object[] {
                a.notificationId(), number, at(a.at()), a.node(), a.statusCode(), a.error(), a.durationMs()
            });
        }
        jdbc.batchUpdate(
                "INSERT INTO watch_attempt (notification_id, attempt, attempted_at, node_id, status_code, error,"
                        + " duration_ms) VALUES (?, ?, ?, ?, ?, ?, ?)",
                rows);
        jdbc.batchUpdate(
                "UPDATE watch_notification SET attempts = attempts + 1, status = ?, last_status = ?, last_error = ?,"
                        + " next_attempt_at = COALESCE(?, next_attempt_at), delivered_at = ?, lease_until = NULL"
                        + " WHERE notification_id = ?",
                attempts.stream()
                        .map(a -> new Object[] {
                            a.outcome().name(),
                            a.statusCode(),
                            a.error(),
                            at(a.retryAt()),
                            a.outcome() == Status.DELIVERED ? at(a.at()) : null,
                            a.notificationId()
                        })
                        .toList());
    }

    /** The number of each notification's last logged attempt (absent: none), in one query. */
    private Map<String, Integer> lastAttempts(List<String> notificationIds) {
        StringBuilder sql =
                new StringBuilder("SELECT notification_id, MAX(attempt) AS last FROM watch_attempt WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        in(sql, args, "notification_id", notificationIds);
        sql.append(" GROUP BY notification_id");
        Map<String, Integer> last = new HashMap<>();
        jdbc.query(
                sql.toString(),
                rs -> {
                    last.put(rs.getString("notification_id"), rs.getInt("last"));
                },
                args.toArray());
        return last;
    }

    /** Puts a notification back in the queue, due now, with a fresh count of attempts. */
    public boolean redeliver(String notificationId, Instant now) {
        return jdbc.update(
                        "UPDATE watch_notification SET status = 'PENDING', attempts = 0, next_attempt_at = ?,"
                                + " lease_until = NULL, delivered_at = NULL WHERE notification_id = ?",
                        at(now),
                        notificationId)
                == 1;
    }

    public Map<String, Object> counts(String subscriptionId) {
        Map<String, Object> counts = new java.util.TreeMap<>();
        jdbc.query(
                "SELECT status, COUNT(*) AS n FROM watch_notification WHERE subscription_id = ? GROUP BY status",
                rs -> {
                    counts.put(rs.getString("status").toLowerCase(java.util.Locale.ROOT), rs.getLong("n"));
                },
                subscriptionId);
        return counts;
    }
}
