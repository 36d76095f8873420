package org.hostledger.store.merkle;

import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Builds the Merkle tree for stored events it lacks — a store that had events before the tree existed, or appends made
 * while the tree was switched off — in chunks of a bounded number of events, each in its own transaction under the
 * chain-head lock, which also records the tree's new size. Appends therefore wait for one chunk at most, and a backfill
 * that stops (a crash, a restart, a missing event) resumes from the last committed chunk.
 */
public class MerkleBackfill {

    private static final Logger log = LoggerFactory.getLogger(MerkleBackfill.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final int chunk;

    public MerkleBackfill(DataSource dataSource, int chunk) {
        if (chunk < 1) {
            throw new IllegalArgumentException("a backfill chunk holds at least one event");
        }
        this.jdbc = new JdbcTemplate(dataSource);
        this.transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        this.chunk = chunk;
    }

    /** Brings the tree up to the chain head, one chunk per transaction; returns how many events it added. */
    public long run() {
        return runIfBehindBy(1);
    }

    /**
     * Brings the tree up to the chain head when it lacks at least {@code lag} events — fewer, and the next append
     * catches it up in its own transaction; returns how many events it added.
     */
    public long runIfBehindBy(long lag) {
        Map<String, Object> head = jdbc.queryForMap("SELECT last_index, tree_size FROM ledger_chain_head WHERE id = 1");
        long last = ((Number) head.get("last_index")).longValue();
        long treeSize = ((Number) head.get("tree_size")).longValue();
        if (last - treeSize < Math.max(lag, 1)) {
            return 0;
        }
        log.info("Building the Merkle tree for events {} to {}, {} per transaction", treeSize + 1, last, chunk);
        long added = 0;
        long step;
        while ((step = step()) > 0) {
            added += step;
        }
        log.info("The Merkle tree holds every stored event ({} added)", added);
        return added;
    }

    /** Adds at most one chunk of events to the tree in one transaction; returns how many it added (0: up to date). */
    public long step() {
        Long added = transactions.execute(status -> {
            Map<String, Object> head =
                    jdbc.queryForMap("SELECT last_index, tree_size FROM ledger_chain_head WHERE id = 1 FOR UPDATE");
            long last = ((Number) head.get("last_index")).longValue();
            long treeSize = ((Number) head.get("tree_size")).longValue();
            if (treeSize >= last) {
                return 0L;
            }
            long to = Math.min(last, treeSize + chunk);
            jdbc.execute((ConnectionCallback<Void>) c -> {
                new MerkleTreeWriter().catchUp(c, treeSize, to);
                return null;
            });
            jdbc.update("UPDATE ledger_chain_head SET tree_size = ? WHERE id = 1", to);
            log.debug("Merkle tree backfilled to {} of {}", to, last);
            return to - treeSize;
        });
        return added == null ? 0 : added;
    }
}
