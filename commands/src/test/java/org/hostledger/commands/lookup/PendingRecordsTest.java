package org.hostledger.commands.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hostledger.commands.TestRecords;
import org.hostledger.core.command.RecordKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingRecordsTest {

    /** The store's answers, counting the ids it was asked for. */
    private final List<String> asked = new ArrayList<>();

    private final List<List<String>> bulk = new ArrayList<>();

    private final TestRecords records = new TestRecords().with("ovh", RecordKind.HOST);
    private final KnownRecords store = new KnownRecords() {
        @Override
        public Map<String, RecordKind> kindsOf(Collection<String> ids) {
            bulk.add(List.copyOf(ids));
            Map<String, RecordKind> kinds = new HashMap<>();
            ids.forEach(id -> records.kindOf(id).ifPresent(kind -> kinds.put(id, kind)));
            return kinds;
        }

        @Override
        public Optional<RecordKind> kindOf(String id) {
            asked.add(id);
            return records.kindOf(id);
        }

        @Override
        public OptionalLong versionOf(String id) {
            return records.versionOf(id);
        }

        @Override
        public Optional<String> offeringHost(String offeringId) {
            return records.offeringHost(offeringId);
        }
    };
    private final KnownRecords overlay = PendingRecords.overlay(store);
    private UnitOfWork<?> batch;

    @AfterEach
    void closeBatch() {
        if (batch != null && batch.isActive()) {
            batch.rollback();
        }
    }

    @Test
    void aBatchAsksTheStoreOnceForTheKindOfARecordItHolds() {
        batch = DefaultUnitOfWork.startAndGet(null);
        PendingRecords.open(batch);

        assertThat(overlay.kindOf("ovh")).contains(RecordKind.HOST);
        assertThat(overlay.kindOf("ovh")).contains(RecordKind.HOST);
        assertThat(overlay.holds("ovh", RecordKind.HOST)).isTrue();

        assertThat(asked).containsExactly("ovh");
    }

    @Test
    void anIdTheStoreDoesNotHoldIsAskedAgainUntilTheBatchRecordsIt() {
        batch = DefaultUnitOfWork.startAndGet(null);
        PendingRecords pending = PendingRecords.open(batch);

        assertThat(overlay.kindOf("new")).isEmpty();
        // Another writer may record it meanwhile: an absence is not remembered.
        records.with("new", RecordKind.CERTIFICATION);
        assertThat(overlay.kindOf("new")).contains(RecordKind.CERTIFICATION);
        assertThat(asked).containsExactly("new", "new");

        pending.recorded("mine", RecordKind.DECISION, 0);
        assertThat(overlay.kindOf("mine")).contains(RecordKind.DECISION);
        assertThat(asked).containsExactly("new", "new");
    }

    @Test
    void aReadOfManyIdsAtOnceAnswersTheBatchsLaterQuestions() {
        batch = DefaultUnitOfWork.startAndGet(null);
        PendingRecords pending = PendingRecords.open(batch);

        assertThat(overlay.kindsOf(List.of("ovh", "new", "ovh"))).isEqualTo(Map.of("ovh", RecordKind.HOST));
        // Found absent when the batch read it: absent for the rest of the batch (the store's unique key guards the
        // append should another writer take it meanwhile).
        records.with("new", RecordKind.CERTIFICATION);
        assertThat(overlay.kindOf("new")).isEmpty();
        assertThat(overlay.kindOf("ovh")).contains(RecordKind.HOST);
        // What the batch itself records wins.
        pending.recorded("new", RecordKind.HOST, 0);
        assertThat(overlay.kindOf("new")).contains(RecordKind.HOST);
        // Ids already known are not read again.
        assertThat(overlay.kindsOf(List.of("ovh", "new", "other")))
                .isEqualTo(Map.of("ovh", RecordKind.HOST, "new", RecordKind.HOST));
        assertThat(bulk).containsExactly(List.of("ovh", "new"), List.of("other"));
        assertThat(asked).isEmpty();
    }

    @Test
    void whatABatchLearntEndsWithIt() {
        batch = DefaultUnitOfWork.startAndGet(null);
        PendingRecords.open(batch);
        assertThat(overlay.kindOf("ovh")).contains(RecordKind.HOST);
        batch.rollback();

        batch = DefaultUnitOfWork.startAndGet(null);
        PendingRecords.open(batch);
        assertThat(overlay.kindOf("ovh")).contains(RecordKind.HOST);
        batch.rollback();

        // Outside any batch, every question goes to the store.
        assertThat(overlay.kindOf("ovh")).contains(RecordKind.HOST);
        assertThat(overlay.kindOf("ovh")).contains(RecordKind.HOST);
        assertThat(asked).containsExactly("ovh", "ovh", "ovh", "ovh");
    }
}
