package org.hostledger.store.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.event.EventJson;
import org.hostledger.core.event.OfferingAdded;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which records the event store holds: the kind of an id from the first event of its stream and a record's current
 * version, through the store's unique key on (aggregate, sequence). One index lookup each, in the caller's own
 * transaction, never behind a projection: the command side's set validation ("ids are unique", "a decision's host
 * must be registered") stands on it.
 */
public class EventStoreRecords {

    private static final String FIRST_EVENT_TYPE =
            "SELECT type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = 0";

    /** The payload of an offering's latest {@code OfferingAdded}: it names the ledger host that publishes it. */
    private static final String LATEST_OFFERING_ADDED = "SELECT payload FROM domain_event_entry "
            + "WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number DESC FETCH FIRST 1 ROWS ONLY";

    private static final ObjectMapper JSON = EventJson.mapper();

    /** Ids per query of {@link #kindsOf}: well within both databases' limits on parameters. */
    static final int IDS_PER_QUERY = 500;

    private final JdbcTemplate jdbc;

    public EventStoreRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A record's latest sequence number, read from its latest snapshot on: H2 reads every row of the record's key for
     * the descending order (or MAX()), so 20,000 rows for a record of 20,000 events, against the events since its
     * snapshot here. (Not MAX() on PostgreSQL either: domain_event_entry is a view with a join there (V84), and the
     * planner answers MAX() from an index on single tables only.) Public for the test of its plan.
     */
    public static final String VERSION_SINCE_SNAPSHOT = "SELECT e.sequence_number FROM domain_event_entry e"
            + " WHERE e.aggregate_identifier = ? AND e.sequence_number >= COALESCE((SELECT MAX(s.sequence_number)"
            + " FROM snapshot_event_entry s WHERE s.aggregate_identifier = ?), 0)"
            + " ORDER BY e.sequence_number DESC FETCH FIRST 1 ROWS ONLY";

    private static final String VERSION =
            "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                    + " ORDER BY sequence_number DESC FETCH FIRST 1 ROWS ONLY";

    /**
     * The record's current version: the sequence number of its latest event. Read from its latest snapshot on; from
     * its first event when that finds none (no such record, or a store set back behind its snapshot).
     */
    public OptionalLong versionOf(String id) {
        List<Long> version = jdbc.queryForList(VERSION_SINCE_SNAPSHOT, Long.class, id, id);
        if (version.isEmpty()) {
            version = jdbc.queryForList(VERSION, Long.class, id);
        }
        return version.isEmpty() ? OptionalLong.empty() : OptionalLong.of(version.get(0));
    }

    /**
     * Whether {@code sequence} is the record's latest event in the store: the store holds it and none after it. One
     * short range of the record's key, on either store: sequence numbers have no gaps, so at most two rows decide (MAX()
     * or a descending scan would read all of a record's events on H2, or through PostgreSQL's view). A record cached
     * at that version is then current; it is not if another node appended after it, nor if the store was set back
     * (restored, rolled back) behind it.
     */
    public boolean isLatest(String id, long sequence) {
        List<Long> found = jdbc.queryForList(
                "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number >= ?"
                        + " FETCH FIRST 2 ROWS ONLY",
                Long.class,
                id,
                sequence);
        return found.size() == 1 && found.get(0) == sequence;
    }

    public Optional<RecordKind> kindOf(String id) {
        List<String> types = jdbc.queryForList(FIRST_EVENT_TYPE, String.class, id);
        return types.stream().findFirst().map(RecordKind::ofAggregateType);
    }

    /**
     * The kinds of those of {@code ids} the store holds, read {@value #IDS_PER_QUERY} ids per query; an id it does not
     * hold is not in the answer.
     */
    public Map<String, RecordKind> kindsOf(Collection<String> ids) {
        Map<String, RecordKind> kinds = new HashMap<>();
        List<String> all = List.copyOf(new LinkedHashSet<>(ids));
        for (int from = 0; from < all.size(); from += IDS_PER_QUERY) {
            List<String> some = all.subList(from, Math.min(all.size(), from + IDS_PER_QUERY));
            jdbc.query(
                    "SELECT aggregate_identifier, type FROM domain_event_entry WHERE sequence_number = 0"
                            + " AND aggregate_identifier IN (" + String.join(",", Collections.nCopies(some.size(), "?"))
                            + ")",
                    rs -> {
                        kinds.put(rs.getString(1), RecordKind.ofAggregateType(rs.getString(2)));
                    },
                    some.toArray());
        }
        return kinds;
    }

    /**
     * The ledger host whose offering this is, as its latest {@code OfferingAdded} says (an offering is added again
     * after a removal, possibly linked anew); empty when the store holds no such offering or its publisher is no ledger
     * host. Read from the stored JSON's {@code hostId}, a field {@code OfferingAdded} has had since its first revision.
     */
    public Optional<String> offeringHost(String offeringId) {
        List<byte[]> payloads =
                jdbc.queryForList(LATEST_OFFERING_ADDED, byte[].class, offeringId, OfferingAdded.class.getName());
        return payloads.isEmpty() ? Optional.empty() : hostIdIn(payloads.get(0));
    }

    /** The {@code hostId} of a stored {@code OfferingAdded} payload, when it names one. */
    public static Optional<String> hostIdIn(byte[] offeringAddedPayload) {
        try {
            JsonNode hostId = JSON.readTree(offeringAddedPayload).get("hostId");
            return hostId == null || !hostId.isTextual() ? Optional.empty() : Optional.of(hostId.asText());
        } catch (IOException e) {
            throw new UncheckedIOException("a stored OfferingAdded is not JSON", e);
        }
    }

    /** When the event at {@code position} was recorded; empty when the store holds no event there. */
    public Optional<Instant> recordedAt(long position) {
        return jdbc
                .queryForList(
                        "SELECT time_stamp FROM domain_event_entry WHERE global_index = ?",
                        OffsetDateTime.class,
                        position)
                .stream()
                .findFirst()
                .map(OffsetDateTime::toInstant);
    }

    /** How many events the ledger holds: the global position of the last one (positions have no gaps). */
    public long eventCount() {
        Long recorded = jdbc.queryForObject("SELECT last_index FROM ledger_chain_head WHERE id = 1", Long.class);
        return recorded == null ? 0 : recorded;
    }
}
