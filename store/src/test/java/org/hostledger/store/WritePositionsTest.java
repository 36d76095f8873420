package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The contract of {@link WritePositions}: after a write committed, the position of the record's event at the version
 * the write answered — the same on every node, whoever else writes at the same time.
 */
class WritePositionsTest {

    private final StoreDatabase database = new StoreDatabase();
    private final DataSource nodeA = database.dataSource();
    private final DataSource nodeB = database.dataSource();
    private final LedgerEventStorageEngine engineA = StoreDatabase.engine(nodeA);
    private final LedgerEventStorageEngine engineB = StoreDatabase.engine(nodeB);
    private final WritePositions positionsA = new WritePositions(StoreDatabase.jdbc(nodeA));
    private final WritePositions positionsB = new WritePositions(StoreDatabase.jdbc(nodeB));

    private static GenericDomainEventMessage<String> event(String record, long sequence) {
        return new GenericDomainEventMessage<>("Host", record, sequence, record + "#" + sequence);
    }

    @Test
    void aWriteOfSeveralEventsIsAtItsLastEventOnEveryNode() {
        engineA.appendEvents(event("r1", 0), event("r1", 1), event("r1", 2));
        engineB.appendEvents(event("r2", 0));
        engineB.appendEvents(event("r1", 3));

        assertThat(positionsA.positionOf("r1", 2)).isEqualTo(3);
        assertThat(positionsB.positionOf("r1", 2)).isEqualTo(3);
        assertThat(positionsA.positionOf("r2", 0)).isEqualTo(4);
        assertThat(positionsA.positionOf("r1", 3)).isEqualTo(5);
        assertThat(positionsB.positionOf("r1", 3)).isEqualTo(5);
    }

    @Test
    void concurrentWritersOnTwoNodesEachGetTheirOwnPosition() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<long[]>> writes = new ArrayList<>();
            for (int writer = 0; writer < 8; writer++) {
                String record = "w" + writer;
                LedgerEventStorageEngine engine = writer % 2 == 0 ? engineA : engineB;
                WritePositions positions = writer % 2 == 0 ? positionsA : positionsB;
                writes.add(pool.submit(() -> {
                    long[] answered = new long[50];
                    for (int sequence = 0; sequence < answered.length; sequence++) {
                        engine.appendEvents(event(record, sequence));
                        answered[sequence] = positions.positionOf(record, sequence);
                    }
                    return answered;
                }));
            }
            JdbcTemplate jdbc = StoreDatabase.jdbc(nodeA);
            for (int writer = 0; writer < 8; writer++) {
                long[] answered = writes.get(writer).get();
                for (int sequence = 0; sequence < answered.length; sequence++) {
                    String stored = jdbc.queryForObject(
                            "SELECT aggregate_identifier || '#' || sequence_number FROM domain_event_entry"
                                    + " WHERE global_index = ?",
                            String.class,
                            answered[sequence]);
                    assertThat(stored).isEqualTo("w" + writer + "#" + sequence);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aVersionNoWriteAnsweredIsRefused() {
        engineA.appendEvents(event("r1", 0));

        assertThatThrownBy(() -> positionsA.positionOf("r1", 1))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("r1");
        assertThatThrownBy(() -> positionsB.positionOf("unknown", 0)).isInstanceOf(IllegalStateException.class);
    }

    /** A store that cannot be read: whatever answers through it came from the writer's own commit. */
    private static final class UnreadableStore implements DataSource {
        @Override
        public Connection getConnection() throws SQLException {
            throw new SQLException("the store was read");
        }

        @Override
        public Connection getConnection(String user, String password) throws SQLException {
            return getConnection();
        }

        @Override
        public PrintWriter getLogWriter() {
            return null;
        }

        @Override
        public void setLogWriter(PrintWriter out) {}

        @Override
        public void setLoginTimeout(int seconds) {}

        @Override
        public int getLoginTimeout() {
            return 0;
        }

        @Override
        public java.util.logging.Logger getParentLogger() throws SQLFeatureNotSupportedException {
            throw new SQLFeatureNotSupportedException();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            throw new SQLException("not a wrapper");
        }

        @Override
        public boolean isWrapperFor(Class<?> type) {
            return false;
        }
    }

    private WritePositions withoutReads(LedgerEventStorageEngine engine) {
        return new WritePositions(new JdbcTemplate(new UnreadableStore()), engine);
    }

    @Test
    void aWriterIsAnsweredFromItsOwnCommitWithoutReadingTheStore() {
        engineA.appendEvents(event("r0", 0));
        engineA.appendEvents(event("r1", 0), event("r1", 1));
        WritePositions positions = withoutReads(engineA);

        assertThat(positions.positionOf("r1", 1)).isEqualTo(3);
        assertThat(positions.positionOf("r1", 0)).isEqualTo(2);
        // Only the last commit of this thread is kept; anything else is read from the store.
        assertThatThrownBy(() -> positions.positionOf("r0", 0)).hasRootCauseMessage("the store was read");
    }

    @Test
    void aRolledBackAppendIsNeverAnsweredFromMemory() {
        engineA.appendEvents(event("r1", 0));
        new TransactionTemplate(new DataSourceTransactionManager(nodeA)).executeWithoutResult(status -> {
            engineA.appendEvents(event("r2", 0));
            status.setRollbackOnly();
        });
        WritePositions positions = withoutReads(engineA);

        assertThatThrownBy(() -> positions.positionOf("r2", 0)).hasRootCauseMessage("the store was read");
        assertThatThrownBy(() -> positionsA.positionOf("r2", 0)).isInstanceOf(IllegalStateException.class);
        // The rollback left the last commit's answer in place: it is still a fact.
        assertThat(positions.positionOf("r1", 0)).isEqualTo(1);
    }

    @Test
    void anotherEnginesCommitOnThisThreadIsNotTakenForThisOnes() {
        engineB.appendEvents(event("r1", 0));

        assertThatThrownBy(() -> withoutReads(engineA).positionOf("r1", 0)).hasRootCauseMessage("the store was read");
        assertThat(withoutReads(engineB).positionOf("r1", 0)).isEqualTo(1);
    }
}
