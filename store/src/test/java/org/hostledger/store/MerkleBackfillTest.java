package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.hostledger.store.merkle.MerkleBackfill;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.hostledger.store.merkle.MerkleTreeWriter;
import org.junit.jupiter.api.Test;

/**
 * The tree for a store that has events it lacks is built in chunks, each its own committed transaction: a backfill
 * that stops resumes where the last chunk ended, and an append never catches up more than a bounded number of events.
 */
class MerkleBackfillTest {

    private final StoreDatabase database = new StoreDatabase();
    private final DataSource nodeA = database.dataSource();
    private final DataSource nodeB = database.dataSource();
    private final MerkleTreeReader tree = new MerkleTreeReader(nodeB);

    private static void appendWithoutTree(LedgerEventStorageEngine engine, int count) {
        engine.setMerkleTreeOn(false);
        for (int n = 0; n < count; n++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Host", "r" + n, 0, "event " + n));
        }
        engine.setMerkleTreeOn(true);
    }

    @Test
    void eachChunkCommitsAndAnotherBackfillResumesAfterIt() {
        appendWithoutTree(StoreDatabase.engine(nodeA), 30);
        MerkleBackfill first = new MerkleBackfill(nodeA, 4);

        assertThat(first.step()).isEqualTo(4);
        assertThat(tree.size()).as("seen from another connection: committed").isEqualTo(4);
        assertThat(first.step()).isEqualTo(4);
        assertThat(tree.size()).isEqualTo(8);

        assertThat(new MerkleBackfill(nodeB, 7).run()).isEqualTo(22);
        assertThat(tree.size()).isEqualTo(30);
        assertThat(new MerkleBackfill(nodeB, 7).run()).as("nothing left").isZero();
        PlainTree.checkEverySize(tree);
    }

    @Test
    void aMissingEventStopsTheBackfillAfterTheChunksBeforeIt() {
        appendWithoutTree(StoreDatabase.engine(nodeA), 20);
        StoreDatabase.jdbc(nodeA).update("DELETE FROM domain_event_entry WHERE global_index = 14");

        assertThatThrownBy(() -> new MerkleBackfill(nodeA, 5).run())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("lacks position 14");
        assertThat(tree.size()).isEqualTo(10);
        PlainTree.checkEverySize(tree);
    }

    @Test
    void anAppendLeavesATreeTooFarBehindToTheBackfill() {
        LedgerEventStorageEngine engine = StoreDatabase.engine(nodeA, new MerkleTreeWriter(5));
        appendWithoutTree(engine, 8);
        engine.appendEvents(new GenericDomainEventMessage<>("Host", "late", 0, "late event"));
        assertThat(tree.size())
                .as("8 behind, more than the append's limit of 5")
                .isZero();

        assertThat(new MerkleBackfill(nodeA, 3).runIfBehindBy(10))
                .as("9 behind")
                .isZero();
        assertThat(new MerkleBackfill(nodeA, 3).runIfBehindBy(9)).isEqualTo(9);
        engine.appendEvents(new GenericDomainEventMessage<>("Host", "later", 0, "later event"));
        assertThat(tree.size()).isEqualTo(10);
        PlainTree.checkEverySize(tree);
    }
}
