package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.hostledger.store.merkle.MerkleTreeWriter;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Merkle tree's right edge kept in memory between appends (MerkleTreeWriter) is used only while the chain head
 * is the one it left; whatever else moved the head — another node, a rolled-back transaction, a tail rolled back by
 * SQL and regrown — the next append reads the stored edge, and the tree stays the one tree of the stored events.
 */
class MerkleTreeEdgeTest {

    private final StoreDatabase database = new StoreDatabase();
    private final DataSource nodeA = database.dataSource();
    private final DataSource nodeB = database.dataSource();
    private final MerkleTreeWriter writerA = new MerkleTreeWriter();
    private final MerkleTreeWriter writerB = new MerkleTreeWriter();
    private final LedgerEventStorageEngine engineA = StoreDatabase.engine(nodeA, writerA);
    private final LedgerEventStorageEngine engineB = StoreDatabase.engine(nodeB, writerB);
    private final MerkleTreeReader tree = new MerkleTreeReader(nodeA);
    private final JdbcTemplate jdbc = StoreDatabase.jdbc(nodeA);
    private int records;

    private void append(LedgerEventStorageEngine engine, int count) {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int n = 0; n < count; n++) {
            records++;
            events.add(new GenericDomainEventMessage<>("Host", "r" + records, 0, "event of r" + records));
        }
        engine.appendEvents(events);
    }

    private long head() {
        return jdbc.queryForObject("SELECT last_index FROM ledger_chain_head WHERE id = 1", Long.class);
    }

    /** Deletes the events after {@code keep}, their subtrees, and rewinds the chain head and the tree, by SQL. */
    private void rollBackTo(long keep) {
        byte[] hash = jdbc.queryForObject(
                "SELECT chain_hash FROM domain_event_entry WHERE global_index = ?", byte[].class, keep);
        jdbc.update("DELETE FROM domain_event_entry WHERE global_index > ?", keep);
        jdbc.update(
                "UPDATE ledger_chain_head SET last_index = ?, last_hash = ?, tree_size = ? WHERE id = 1",
                keep,
                hash,
                keep);
        jdbc.update("DELETE FROM ledger_merkle_node WHERE node_key >= ?", MerkleTreeWriter.firstKeyAfter(keep));
    }

    @Test
    void twoNodesAppendingInTurnGrowOneTree() {
        for (int round = 0; round < 14; round++) {
            append(round % 2 == 0 ? engineA : engineB, 1 + round % 3);
        }
        assertThat(tree.size()).isEqualTo(head()).isEqualTo(records);
        PlainTree.checkEverySize(tree);
    }

    @Test
    void aNodeReadsTheStoredEdgeOnlyWhenSomeoneElseMovedTheHead() {
        append(engineA, 3);
        long reads = writerA.edgeReads();
        append(engineA, 1);
        append(engineA, 5);
        append(engineA, 2);
        assertThat(writerA.edgeReads()).as("its own appends follow one another").isEqualTo(reads);

        append(engineB, 1);
        append(engineA, 1);
        assertThat(writerA.edgeReads()).as("node B appended in between").isEqualTo(reads + 1);
        PlainTree.checkEverySize(tree);
    }

    @Test
    void aTailRolledBackBySqlAndRegrownToTheSameSizeByAnotherNodeIsReadAgain() {
        append(engineA, 10);
        rollBackTo(7);
        append(engineB, 3);
        assertThat(head()).as("the same size as node A last saw, other events").isEqualTo(10);

        // Its two leaves complete a subtree over node B's leaves 8 and 9: a stale edge would hash A's instead.
        append(engineA, 2);
        assertThat(tree.size()).isEqualTo(12);
        PlainTree.checkEverySize(tree);
    }

    @Test
    void aTailRolledBackBySqlIsReadAgainByTheNodeThatWroteIt() {
        append(engineA, 10);
        rollBackTo(6);
        append(engineA, 2);
        assertThat(tree.size()).isEqualTo(8);
        PlainTree.checkEverySize(tree);
    }

    @Test
    void anAppendWhoseTransactionRolledBackLeavesNoEdgeBehind() {
        append(engineA, 5);
        new TransactionTemplate(new DataSourceTransactionManager(nodeA)).executeWithoutResult(status -> {
            append(engineA, 2);
            status.setRollbackOnly();
        });
        assertThat(head()).isEqualTo(5);

        append(engineA, 1);
        assertThat(tree.size()).isEqualTo(6);
        PlainTree.checkEverySize(tree);
    }
}
