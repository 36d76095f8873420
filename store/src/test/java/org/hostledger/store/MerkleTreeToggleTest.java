package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.junit.jupiter.api.Test;

/**
 * The Merkle tree's upkeep switched off (as the benchmark does to measure its cost) leaves the tree behind, never
 * wrong: the first append after it is back on catches it up, and the root is the RFC 9162 root of every event.
 */
class MerkleTreeToggleTest {

    private final DataSource dataSource = new StoreDatabase().dataSource();
    private final LedgerEventStorageEngine engine = StoreDatabase.engine(dataSource);
    private final MerkleTreeReader tree = new MerkleTreeReader(dataSource);

    private void append(String record, long from, long to) {
        for (long sequence = from; sequence < to; sequence++) {
            engine.appendEvents(new GenericDomainEventMessage<>("Host", record, sequence, record + "#" + sequence));
        }
    }

    @Test
    void aTreeLeftBehindWhileOffIsCaughtUpByTheNextAppend() {
        append("r1", 0, 5);
        assertThat(tree.size()).isEqualTo(5);

        engine.setMerkleTreeOn(false);
        append("r1", 5, 12);
        assertThat(tree.size()).as("no leaf is added while the tree is off").isEqualTo(5);

        engine.setMerkleTreeOn(true);
        append("r1", 12, 13);
        assertThat(tree.size()).isEqualTo(13);
        assertThat(tree.root(13)).isEqualTo(PlainTree.root(tree, 13));
    }
}
