package org.hostledger.store.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 2-byte codes that stand for an event's payload type and revision in PostgreSQL's compact event rows
 * ({@code event_payload_type}, migration V84). The append asks for a code while it holds the chain head's lock, so
 * codes are assigned one transaction at a time on every node, and a new one is the next number.
 *
 * <p>Each node remembers the codes it has seen committed. A code it assigned itself is remembered only once its
 * transaction commits ({@link #remember}): a rolled-back append takes its new code with it, and no node may then use
 * it.
 */
final class PayloadTypeCodes {

    private static final String FIND =
            "SELECT code FROM event_payload_type WHERE name = ? AND COALESCE(revision, '') = ?";
    private static final String ADD = "INSERT INTO event_payload_type (code, name, revision) "
            + "SELECT COALESCE(MAX(code), 0) + 1, ?, ? FROM event_payload_type RETURNING code";

    /** A payload type and its revision (null when it has none). */
    record Key(String name, String revision) {
        Key {
            Objects.requireNonNull(name, "payload type");
        }
    }

    private final Map<Key, Short> committed = new ConcurrentHashMap<>();

    /**
     * The code of {@code key}: remembered, found in the table, or added to it in the caller's transaction. The caller
     * holds the chain head's lock; {@code thisTransaction} collects the codes this transaction uses, for
     * {@link #remember} once it commits.
     */
    short code(Connection connection, Key key, Map<Key, Short> thisTransaction) throws SQLException {
        Short code = committed.get(key);
        if (code == null) {
            code = thisTransaction.get(key);
        }
        if (code == null) {
            code = find(connection, key);
            if (code == null) {
                code = add(connection, key);
            }
            thisTransaction.put(key, code);
        }
        return code;
    }

    /** Remembers the codes a transaction used, once it has committed. */
    void remember(Map<Key, Short> codes) {
        committed.putAll(codes);
    }

    private static Short find(Connection connection, Key key) throws SQLException {
        try (PreparedStatement find = connection.prepareStatement(FIND)) {
            find.setString(1, key.name());
            find.setString(2, key.revision() == null ? "" : key.revision());
            try (ResultSet row = find.executeQuery()) {
                return row.next() ? row.getShort(1) : null;
            }
        }
    }

    private static short add(Connection connection, Key key) throws SQLException {
        try (PreparedStatement add = connection.prepareStatement(ADD)) {
            add.setString(1, key.name());
            add.setString(2, key.revision());
            try (ResultSet row = add.executeQuery()) {
                row.next();
                // Beyond 32,767 types and revisions, PostgreSQL refuses the insert (smallint out of range).
                return row.getShort(1);
            }
        }
    }
}
