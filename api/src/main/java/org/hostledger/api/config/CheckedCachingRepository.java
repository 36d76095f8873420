package org.hostledger.api.config;

import org.axonframework.common.caching.Cache;
import org.axonframework.eventsourcing.CachingEventSourcingRepository;
import org.axonframework.eventsourcing.EventSourcedAggregate;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.hostledger.store.engine.EventStoreRecords;

/**
 * Axon's caching repository, with every record it hands to a command checked against the store: a cached record at
 * version v is used only if v is the record's latest event in the store ({@link EventStoreRecords#isLatest}), one
 * short lookup on the record's key instead of loading the snapshot and the events after it. After another node's
 * append, or a store set back behind the cache, the record is loaded from the store instead. So the cache is safe with
 * several nodes over one database, where Axon's would hand a command the state this node last saw.
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
        if (version != null && !records.isLatest(aggregateIdentifier, version)) {
            // Cached before another node appended to the record, or the store was set back behind it: load it from
            // the store.
            cache.remove(aggregateIdentifier);
            aggregate = super.doLoadWithLock(aggregateIdentifier, expectedVersion);
        }
        return aggregate;
    }
}
