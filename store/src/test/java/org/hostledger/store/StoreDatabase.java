package org.hostledger.store;

import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventsourcing.eventstore.jdbc.JdbcEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.spring.jdbc.SpringDataSourceConnectionProvider;
import org.axonframework.spring.messaging.unitofwork.SpringTransactionManager;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.hostledger.store.merkle.MerkleTreeWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/** A private in-memory H2 database migrated by the store's real Flyway scripts; "nodes" are connections to it. */
final class StoreDatabase {

    private final String url = "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    StoreDatabase() {
        Flyway.configure()
                .dataSource(dataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
    }

    /** A new data source on the same database: what another application node would have. */
    DataSource dataSource() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        return dataSource;
    }

    /** One node's storage engine, exactly as the application builds it, on its own data source. */
    static LedgerEventStorageEngine engine(DataSource dataSource) {
        return engine(dataSource, new MerkleTreeWriter());
    }

    /** The same, growing the Merkle tree with the given writer. */
    static LedgerEventStorageEngine engine(DataSource dataSource, MerkleTreeWriter merkleTree) {
        TransactionManager transactions = new SpringTransactionManager(new DataSourceTransactionManager(dataSource));
        JacksonSerializer serializer = JacksonSerializer.defaultSerializer();
        return new LedgerEventStorageEngine(
                JdbcEventStorageEngine.builder()
                        .snapshotSerializer(serializer)
                        .eventSerializer(serializer)
                        .connectionProvider(new SpringDataSourceConnectionProvider(dataSource))
                        .schema(new StoreAutoConfiguration().eventSchema())
                        .dataType(byte[].class),
                transactions,
                merkleTree);
    }

    static JdbcTemplate jdbc(DataSource dataSource) {
        return new JdbcTemplate(dataSource);
    }
}
