package org.hostledger.api.web;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.hostledger.core.command.RecordKind;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The answers to idempotent writes, by principal and key. */
@Component
public class IdempotencyStore {

    /** A write already done: what it answered. */
    public record Done(String requestHash, RecordKind kind, String recordId, long version, long position) {}

    private final JdbcTemplate jdbc;

    public IdempotencyStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Done> find(String principal, String key) {
        List<Done> found = jdbc.query(
                "SELECT request_hash, record_kind, record_id, version, position FROM idempotency_key "
                        + "WHERE principal = ? AND idem_key = ?",
                (rs, n) -> new Done(
                        rs.getString("request_hash"),
                        RecordKind.valueOf(rs.getString("record_kind")),
                        rs.getString("record_id"),
                        rs.getLong("version"),
                        rs.getLong("position")),
                principal,
                key);
        return found.stream().findFirst();
    }

    /**
     * Claims the key at the start of the write's own transaction. A twin request already holding it makes this wait
     * for the twin's commit (then fail on the primary key: the caller replays the twin's answer) or rollback (then
     * go on): on one node or many, a key records once.
     */
    public void reserve(
            String principal, String key, String requestHash, RecordKind kind, String recordId, Instant at) {
        jdbc.update(
                "INSERT INTO idempotency_key (principal, idem_key, request_hash, record_kind, record_id, version, "
                        + "position, created_at) VALUES (?, ?, ?, ?, ?, -1, -1, ?)",
                principal,
                key,
                requestHash,
                kind.name(),
                recordId,
                OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
    }

    /** Completes the claim with the write's answer, in the same transaction as its events. */
    public void complete(String principal, String key, long version, long position) {
        jdbc.update(
                "UPDATE idempotency_key SET version = ?, position = ? WHERE principal = ? AND idem_key = ?",
                version,
                position,
                principal,
                key);
    }
}
