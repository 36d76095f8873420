package org.hostledger.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventMessage;
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

    /**
     * A long record's version is read from its snapshot on (H2's plan: the rows since the snapshot, not all 2,000 of
     * the record), and from its first event when its snapshot is ahead of its events (a store set back).
     */
    @Test
    void aLongRecordsVersionIsReadFromItsSnapshotOn() {
        List<DomainEventMessage<?>> events = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            events.add(new GenericDomainEventMessage<>("Host", "long", i, "event " + i));
        }
        engine.appendEvents(events);
        assertThat(records.versionOf("long")).hasValue(1_999);
        engine.storeSnapshot(new GenericDomainEventMessage<>("Host", "long", 1_990, "snapshot"));

        assertThat(records.versionOf("long")).hasValue(1_999);
        String plan = StoreDatabase.jdbc(dataSource)
                .queryForObject(
                        "EXPLAIN ANALYZE " + EventStoreRecords.VERSION_SINCE_SNAPSHOT, String.class, "long", "long");
        assertThat(scanCounts(plan)).as(plan).allMatch(count -> count <= 11).isNotEmpty();

        StoreDatabase.jdbc(dataSource)
                .update(
                        "DELETE FROM domain_event_entry WHERE aggregate_identifier = 'long' AND sequence_number > 1980");
        assertThat(records.versionOf("long")).hasValue(1_980);
        assertThat(records.versionOf("none")).isEmpty();
    }

    /** The rows each step of an H2 plan read. */
    private static List<Integer> scanCounts(String plan) {
        List<Integer> counts = new ArrayList<>();
        Matcher matcher = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        while (matcher.find()) {
            counts.add(Integer.parseInt(matcher.group(1)));
        }
        return counts;
    }
}
