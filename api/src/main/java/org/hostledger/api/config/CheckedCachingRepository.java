package org.hostledger.api.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.hostledger.store.engine.EventStoreRecords;

/**
 * Axon's caching repository, with every record it hands to a command checked against the store: a cached record at
 * version v is used only if the store holds no event v + 1 for it (sequence numbers have no gaps), one lookup on the
 * record's key instead of loading the snapshot and the events after it. Another node's append makes that event
 * exist, and the record is loaded from the store instead. So the cache is safe with several nodes over one database, where Axon's would hand a command the
 * state this node last saw.
 *
 * <p>A node that appends between the check and this command's append makes this append fail on the store's unique key
 * (record, sequence), as it would without a cache: the command is answered {@code 409} and the cached record dropped
 * when its unit of work rolls back.
 */
final class CheckedCachingRepository<T> extends CachingEventSourcingRepository<T> {

    private final Cache cache;
    private final EventStoreRecords records;

    /** @param records the store's records, read in the command's transaction */
    CheckedCachingRepository(
            EventSourcingRepository.Builder<T> builder, Cache cache, EventStore eventStore, EventStoreRecords records) {
        super(builder.cache(cache).eventStore(eventStore));
        this.cache = cache;
        this.records = records;
    }

    @Override
    protected EventSourcedAggregate<T> doLoadWithLock(String aggregateIdentifier, Long expectedVersion) {
        EventSourcedAggregate<T> aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        Long version = aggregate.version();
        if (records.holdsEvent(aggregateIdentifier, version == null ? 0 : version + 1)) {
            // Cached before another node appended to the record: load it from the store.
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }
}
