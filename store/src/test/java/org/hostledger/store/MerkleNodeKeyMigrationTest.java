package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hostledger.core.merkle.CompactRange;
import org.hostledger.core.merkle.InvalidProofException;
import org.hostledger.core.merkle.MerkleHash;
import org.hostledger.core.merkle.ProofVerifier;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V31 re-keys the stored subtrees from {@code index * 64 + level} to {@code end * 64 + level}: a tree stored under
 * V30's keys gives the same roots and proofs after it.
 */
class MerkleNodeKeyMigrationTest {

    private static final int SIZE = 13;

    @Test
    void subtreesStoredUnderTheFormerKeysGiveTheSameRootsAndProofs() throws InvalidProofException {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        migrate(dataSource, "30");
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        CompactRange range = CompactRange.empty();
        List<byte[]> leaves = new ArrayList<>();
        List<byte[]> roots = new ArrayList<>();
        roots.add(range.root());
        for (int i = 0; i < SIZE; i++) {
            byte[] leaf = MerkleHash.leaf(("leaf " + i).getBytes(StandardCharsets.UTF_8));
            leaves.add(leaf);
            for (CompactRange.Node node : range.append(leaf)) {
                jdbc.update(
                        "INSERT INTO ledger_merkle_node (node_key, hash) VALUES (?,?)",
                        (node.id().index() << 6) | node.id().level(),
                        node.hash());
            }
            roots.add(range.root());
        }
        jdbc.update("UPDATE ledger_chain_head SET tree_size = ? WHERE id = 1", SIZE);

        migrate(dataSource, "latest");

        MerkleTreeReader tree = new MerkleTreeReader(dataSource);
        byte[] root = roots.get(SIZE);
        assertThat(tree.root(SIZE)).isEqualTo(root);
        for (int index = 0; index < SIZE; index++) {
            assertThat(tree.leaf(index)).isEqualTo(leaves.get(index));
            ProofVerifier.verifyInclusion(index, SIZE, leaves.get(index), tree.inclusion(index, SIZE), root);
        }
        for (int from = 1; from < SIZE; from++) {
            assertThat(tree.root(from)).isEqualTo(roots.get(from));
            ProofVerifier.verifyConsistency(from, SIZE, roots.get(from), root, tree.consistency(from, SIZE));
        }
    }

    private static void migrate(JdbcDataSource dataSource, String target) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target(target)
                .load()
                .migrate();
    }
}
