package org.hostledger.store.merkle;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import org.hostledger.core.merkle.EventLeaf;
import org.hostledger.core.merkle.MerkleHash;

/** The Merkle leaf of a stored event row, as {@link EventLeaf} defines it. */
public final class EventLeaves {

    /** The columns {@link #of} reads, in global order. */
    public static final String COLUMNS = "global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data, chain_hash";

    private EventLeaves() {}

    public static EventLeaf of(ResultSet row) throws SQLException {
        return new EventLeaf(
                row.getLong("global_index"),
                row.getString("event_identifier"),
                row.getString("type"),
                row.getString("aggregate_identifier"),
                row.getLong("sequence_number"),
                row.getObject("time_stamp", OffsetDateTime.class).toInstant(),
                row.getString("payload_type"),
                row.getString("payload_revision"),
                MerkleHash.sha256(row.getBytes("payload")),
                MerkleHash.sha256(row.getBytes("meta_data")),
                row.getBytes("chain_hash"));
    }
}
