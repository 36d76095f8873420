package org.hostledger.commands.lookup;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hostledger.core.command.RecordKind;

/**
 * The records that commands sent together in one unit of work created or changed, while their events wait for that
 * unit of work's commit to reach the store. Set validation ({@link KnownRecords}) answers from the store, which does
 * not hold them yet; {@link #overlay(KnownRecords)} answers from here first, so that a certificate granted to a host
 * registered two commands earlier in the same batch finds its host, as it would had each command committed alone.
 *
 * <p>It also remembers, for the batch, the kind of every record the store was found to hold: a record's kind never
 * changes once its first event is stored, so a batch whose commands keep naming the same agencies and hosts (a register
 * import) asks the store once per id instead of once per command. An id the store does not hold is asked again: another
 * writer may record it meanwhile.
 *
 * <p>A batch may instead read the kinds of many ids at once when it begins ({@link KnownRecords#kindsOf} on the
 * overlay): those the store does not hold are then taken as absent for the rest of the batch. Should another writer
 * record one of them meanwhile, and a command of the batch create it too, the store's unique key on (record, sequence)
 * refuses the batch's append, and the whole batch with it — as it would a single command that lost that race between
 * its check and its commit.
 */
public final class PendingRecords {

    private static final String KEY = PendingRecords.class.getName();

    private record Pending(RecordKind kind, long version) {}

    private final Map<String, Pending> records = new HashMap<>();
    /** The kinds the store answered for ids it holds, during this batch. */
    private final Map<String, RecordKind> stored = new HashMap<>();
    /** The ids a read of many ({@link KnownRecords#kindsOf}) found absent, during this batch. */
    private final Set<String> absent = new HashSet<>();

    private PendingRecords() {}

    /** Opens the pending records of {@code root}, a root unit of work in which commands will be sent together. */
    public static PendingRecords open(UnitOfWork<?> root) {
        if (!root.isRoot()) {
            throw new IllegalArgumentException("pending records belong to a root unit of work");
        }
        return root.getOrComputeResource(KEY, k -> new PendingRecords());
    }

    /** The pending records of the current unit of work's batch; null outside a batch. */
    private static PendingRecords current() {
        return CurrentUnitOfWork.isStarted() ? CurrentUnitOfWork.get().root().getResource(KEY) : null;
    }

    /** What a command sent earlier in the current batch left of record {@code id}; empty outside a batch. */
    private static Optional<Pending> pending(String id) {
        PendingRecords batch = current();
        return batch == null ? Optional.empty() : Optional.ofNullable(batch.records.get(id));
    }

    /** A command of the batch left record {@code id}, of {@code kind}, at {@code version}. */
    public void recorded(String id, RecordKind kind, long version) {
        records.put(id, new Pending(kind, version));
    }

    /** {@code store}, answering first from the records pending in the current unit of work, when there are any. */
    public static KnownRecords overlay(KnownRecords store) {
        return new KnownRecords() {
            @Override
            public Optional<RecordKind> kindOf(String id) {
                PendingRecords batch = current();
                if (batch == null) {
                    return store.kindOf(id);
                }
                Pending pending = batch.records.get(id);
                if (pending != null) {
                    return Optional.of(pending.kind());
                }
                RecordKind known = batch.stored.get(id);
                if (known != null) {
                    return Optional.of(known);
                }
                if (batch.absent.contains(id)) {
                    return Optional.empty();
                }
                Optional<RecordKind> kind = store.kindOf(id);
                kind.ifPresent(k -> batch.stored.put(id, k));
                return kind;
            }

            @Override
            public Map<String, RecordKind> kindsOf(Collection<String> ids) {
                PendingRecords batch = current();
                if (batch == null) {
                    return store.kindsOf(ids);
                }
                Set<String> unknown = new LinkedHashSet<>();
                for (String id : ids) {
                    if (!batch.records.containsKey(id) && !batch.stored.containsKey(id) && !batch.absent.contains(id)) {
                        unknown.add(id);
                    }
                }
                if (!unknown.isEmpty()) {
                    Map<String, RecordKind> found = store.kindsOf(unknown);
                    batch.stored.putAll(found);
                    unknown.removeAll(found.keySet());
                    batch.absent.addAll(unknown);
                }
                // Every id is now answered from the batch's memory.
                return KnownRecords.super.kindsOf(ids);
            }

            @Override
            public OptionalLong versionOf(String id) {
                Optional<Pending> pending = pending(id);
                return pending.isPresent() ? OptionalLong.of(pending.get().version()) : store.versionOf(id);
            }

            @Override
            public Optional<String> offeringHost(String offeringId) {
                if (pending(offeringId).isPresent()) {
                    // The publisher is in the pending event's payload, which this overlay does not read: refuse
                    // rather than answer "no host" for an offering recorded a few commands earlier.
                    throw new IllegalStateException("offering " + offeringId
                            + " was recorded in the same batch of commands; send commands that read it separately");
                }
                return store.offeringHost(offeringId);
            }
        };
    }
}
