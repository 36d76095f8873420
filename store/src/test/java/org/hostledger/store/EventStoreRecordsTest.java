package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.hostledger.store.engine.EventStoreRecords;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.junit.jupiter.api.Test;

/**
 * What the command side asks the store directly: a record's version, and whether it holds a given event (how a cached
 * record is checked before a command uses it).
 */
class EventStoreRecordsTest {

    private final DataSource dataSource = new StoreDatabase().dataSource();
    private final LedgerEventStorageEngine engine = StoreDatabase.engine(dataSource);
    private final EventStoreRecords records = new EventStoreRecords(StoreDatabase.jdbc(dataSource));

    @Test
    void aRecordsVersionAndItsEvents() {
        engine.appendEvents(List.of(
                new GenericDomainEventMessage<>("Host", "host-1", 0, "registered"),
                new GenericDomainEventMessage<>("Host", "host-1", 1, "renamed"),
                new GenericDomainEventMessage<>("Host", "host-2", 0, "registered")));

        assertThat(records.versionOf("host-1")).hasValue(1);
        assertThat(records.versionOf("host-2")).hasValue(0);
        assertThat(records.versionOf("host-3")).isEmpty();

        assertThat(records.isLatest("host-1", 1)).isTrue();
        assertThat(records.isLatest("host-1", 0)).isFalse();
        assertThat(records.isLatest("host-2", 0)).isTrue();
        assertThat(records.isLatest("host-3", 0)).isFalse();

        engine.appendEvents(List.of(new GenericDomainEventMessage<>("Host", "host-1", 2, "ended")));
        // Appended elsewhere: a record cached at version 1 is now behind.
        assertThat(records.isLatest("host-1", 1)).isFalse();
        assertThat(records.isLatest("host-1", 2)).isTrue();

        // The store set back behind a cached version (a restore, a rollback): not current either.
        StoreDatabase.jdbc(dataSource)
                .update("DELETE FROM domain_event_entry WHERE aggregate_identifier = 'host-1' AND sequence_number = 2");
        assertThat(records.isLatest("host-1", 2)).isFalse();
        assertThat(records.versionOf("host-1")).hasValue(1);
    }
}
