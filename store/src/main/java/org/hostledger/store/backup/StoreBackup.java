package org.hostledger.store.backup;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Base64;
import java.util.Optional;
import javax.sql.DataSource;
import org.hostledger.core.audit.EventChain;
import org.hostledger.store.merkle.MerkleTreeReader;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The store's side of a backup: H2's own online backup ({@code BACKUP TO}), transactionally consistent while writes
 * go on, and the ledger's state read just before it (the chain head, the Merkle tree's size and root), which every
 * restored copy must hold. PostgreSQL is backed up with {@code pg_dump}, outside the application.
 */
public class StoreBackup {

    private final DataSource dataSource;
    private final JdbcTemplate jdbc;
    private final MerkleTreeReader tree;

    public StoreBackup(DataSource dataSource, MerkleTreeReader tree) {
        this.dataSource = dataSource;
        this.jdbc = new JdbcTemplate(dataSource);
        this.tree = tree;
    }

    /**
     * The ledger's state at one moment.
     *
     * @param headPosition the last position of the hash chain
     * @param headHash the chain hash at that position (hex)
     * @param treeSize the Merkle tree's size
     * @param treeRoot the Merkle tree's root at that size (base64), empty for an empty tree
     */
    public record LedgerState(long headPosition, String headHash, long treeSize, String treeRoot) {}

    /** True on the embedded H2 store, which this class backs up; false on PostgreSQL. */
    public boolean embedded() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL().startsWith("jdbc:h2:");
        } catch (SQLException e) {
            throw new IllegalStateException("the database cannot be reached: " + e.getMessage(), e);
        }
    }

    /** The H2 engine's version, written into the manifest: a backup restores with this version or a later one. */
    public String h2Version() {
        return jdbc.queryForObject("SELECT H2VERSION()", String.class);
    }

    /** The committed chain head and Merkle tree, as they stand now. */
    public LedgerState state() {
        return jdbc.queryForObject(
                "SELECT last_index, last_hash, tree_size FROM ledger_chain_head WHERE id = 1", (rs, n) -> {
                    long size = rs.getLong("tree_size");
                    return new LedgerState(
                            rs.getLong("last_index"),
                            EventChain.hex(rs.getBytes("last_hash")),
                            size,
                            size == 0 ? "" : Base64.getEncoder().encodeToString(tree.root(size)));
                });
    }

    /** The chain hash stored at a position (hex), empty when the store holds no event there. */
    public Optional<String> chainHashAt(long position) {
        return jdbc
                .query(
                        "SELECT chain_hash FROM domain_event_entry WHERE global_index = ?",
                        (rs, n) -> EventChain.hex(rs.getBytes(1)),
                        position)
                .stream()
                .findFirst();
    }

    /**
     * Writes an online backup of the embedded store to {@code zip} (which must not exist) and answers the state read
     * just before it started: every event up to that head is in the backup.
     */
    public LedgerState backup(Path zip) {
        if (!embedded()) {
            throw new IllegalStateException("the online backup is H2's; back up PostgreSQL with pg_dump");
        }
        LedgerState before = state();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
        } catch (SQLException e) {
            throw new IllegalStateException("the backup failed: " + e.getMessage(), e);
        }
        return before;
    }
}
