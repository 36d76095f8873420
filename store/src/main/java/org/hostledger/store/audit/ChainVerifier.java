package org.hostledger.store.audit;

import java.time.OffsetDateTime;
import java.util.Arrays;
import org.hostledger.core.audit.EventChain;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the event store's hash chain ({@link EventChain}) from the first event, reading the stored rows in
 * global order with a cursor, and compares it with every stored hash and with the chain head. Reads the event store's
 * own table: the audit trail is the store itself, not a copy of it.
 */
public class ChainVerifier {

    private static final String EVENTS = "SELECT global_index, event_identifier, type, aggregate_identifier, "
            + "sequence_number, time_stamp, payload_type, payload_revision, payload, meta_data, chain_hash "
            + "FROM domain_event_entry ORDER BY global_index";

    private final JdbcTemplate jdbc;
    private final TransactionTemplate readOnly;

    public ChainVerifier(JdbcTemplate jdbc, PlatformTransactionManager transactionManager) {
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(1000);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * @param intact whether every event and the head match the chain
     * @param checked how many events were read
     * @param firstBrokenPosition the first global position where the chain breaks: an edited or reordered event, a
     *     missing one (its number is skipped), or the end of the store when events after it were deleted
     * @param headPosition the position the chain head records
     * @param headHash the hash the chain head records, to publish elsewhere as an anchor
     */
    public record Result(boolean intact, long checked, Long firstBrokenPosition, long headPosition, String headHash) {}

    public Result verify() {
        return readOnly.execute(status -> {
            long[] checked = {0};
            long[] expectedIndex = {1};
            Long[] broken = {null};
            byte[][] previous = {EventChain.genesis()};
            jdbc.query(EVENTS, rs -> {
                checked[0]++;
                long index = rs.getLong("global_index");
                if (broken[0] != null) {
                    return;
                }
                if (index != expectedIndex[0]) {
                    broken[0] = expectedIndex[0];
                    return;
                }
                byte[] hash = EventChain.link(
                        previous[0],
                        new EventChain.Link(
                                index,
                                rs.getString("event_identifier"),
                                rs.getString("type"),
                                rs.getString("aggregate_identifier"),
                                rs.getLong("sequence_number"),
                                rs.getObject("time_stamp", OffsetDateTime.class).toInstant(),
                                rs.getString("payload_type"),
                                rs.getString("payload_revision"),
                                rs.getBytes("payload"),
                                rs.getBytes("meta_data")));
                if (!Arrays.equals(hash, rs.getBytes("chain_hash"))) {
                    broken[0] = index;
                    return;
                }
                previous[0] = hash;
                expectedIndex[0] = index + 1;
            });
            long headIndex = jdbc.queryForObject("SELECT last_index FROM ledger_chain_head WHERE id = 1", Long.class);
            byte[] headHash = jdbc.queryForObject("SELECT last_hash FROM ledger_chain_head WHERE id = 1", byte[].class);
            if (broken[0] == null) {
                long lastSeen = expectedIndex[0] - 1;
                if (headIndex != lastSeen) {
                    broken[0] = Math.min(headIndex, lastSeen) + 1;
                } else if (!Arrays.equals(headHash, previous[0])) {
                    broken[0] = Math.max(lastSeen, 1);
                }
            }
            return new Result(broken[0] == null, checked[0], broken[0], headIndex, EventChain.hex(headHash));
        });
    }
}
