package org.hostledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.serialization.Revision;
import org.hostledger.api.IntegrationTest;
import org.hostledger.store.engine.LedgerEventStorageEngine;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PostgreSQL keeps events as compact rows (migration V84): the payload type and revision as a 2-byte code, the
 * identifier as a uuid, under the view {@code domain_event_entry} that every reader reads. These tests append through
 * the application's storage engine, in a store of their own (the events they write have no handler), and check that
 * every reader gets back exactly what was appended, which the hash chain covers. On H2 there is nothing to check. The
 * context is this class's own (its property), closed after it, so that no other test meets these events.
 */
@TestPropertySource(properties = "hostledger.test.context=compact-event-rows")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class CompactEventRowsTest extends IntegrationTest {

    /** An event type no store has seen, without a revision. */
    public record ProbeNoted(String note) {}

    /** Another, with a revision. */
    @Revision("7")
    public record ProbeRevised(String note) {}

    /** A third, first appended in a transaction that rolls back. */
    public record ProbeRolledBack(String note) {}

    @Autowired
    EventStorageEngine engine;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void onPostgres() {
        assumeTrue(postgres(), "compact event rows are PostgreSQL's (V84); H2 keeps the table");
    }

    private static GenericDomainEventMessage<Object> event(String aggregateId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Probe", aggregateId, sequence, payload);
    }

    private static GenericDomainEventMessage<Object> event(
            String aggregateId, long sequence, Object payload, String identifier) {
        return new GenericDomainEventMessage<>(
                "Probe", aggregateId, sequence, new GenericMessage<>(identifier, payload, Map.of()), Instant::now);
    }

    private void append(GenericDomainEventMessage<?>... events) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> engine.appendEvents(List.of(events)));
    }

    private JsonNode verify() {
        return http.at("/api/audit/verify").auditor().send().json();
    }

    @Test
    void theEventsLiveInCompactRowsUnderAView() {
        assertThat(jdbc.queryForObject(
                        "SELECT table_type FROM information_schema.tables WHERE table_schema = current_schema()"
                                + " AND table_name = 'domain_event_entry'",
                        String.class))
                .isEqualTo("VIEW");
        // No nullable column, hence no null bitmap in any row; the identifier is a uuid.
        assertThat(jdbc.queryForList(
                        "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema()"
                                + " AND table_name = 'domain_event_row' AND is_nullable = 'YES'",
                        String.class))
                .isEmpty();
        assertThat(jdbc.queryForObject(
                        "SELECT data_type FROM information_schema.columns WHERE table_schema = current_schema()"
                                + " AND table_name = 'domain_event_row' AND column_name = 'event_identifier'",
                        String.class))
                .isEqualTo("uuid");
        // The demo history read through the view: every row has its payload type, and the chain holds.
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type IS NULL", Long.class))
                .isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                .isEqualTo(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_row", Long.class))
                .isPositive();
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aNewTypeAndRevisionGetCodesAndReadBackAsAppended() {
        String id = id("probe");
        long before = head();
        append(event(id, 0, new ProbeNoted("one")), event(id, 1, new ProbeRevised("two")));
        append(event(id, 2, new ProbeRevised("three")));

        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT event_identifier, payload_type, payload_revision, payload_type_code FROM domain_event_entry"
                        + " WHERE global_index > ? ORDER BY global_index",
                before);
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).get("payload_type")).isEqualTo(ProbeNoted.class.getName());
        assertThat(rows.get(0).get("payload_revision")).isNull();
        assertThat(rows.get(1).get("payload_type")).isEqualTo(ProbeRevised.class.getName());
        assertThat(rows.get(1).get("payload_revision")).isEqualTo("7");
        // One code per type and revision: the second append found the code the first one added.
        assertThat(rows.get(2).get("payload_type_code")).isEqualTo(rows.get(1).get("payload_type_code"));
        assertThat(rows.get(0).get("payload_type_code"))
                .isNotEqualTo(rows.get(1).get("payload_type_code"));
        // The identifier comes back as the text that was appended (and chained).
        String identifier = (String) rows.get(0).get("event_identifier");
        assertThat(UUID.fromString(identifier).toString()).isEqualTo(identifier);
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    /**
     * An append of several compact rows grows the Merkle tree with them, also when the tree lags behind the store
     * (appends made while it was switched off): it catches the stored events up first. The tree recomputed from the
     * events is the stored one.
     */
    @Test
    void eventsTheirSubtreesAndTheHeadAreWrittenTogetherAlsoWhenTheTreeCatchesUp() {
        LedgerEventStorageEngine ledger = (LedgerEventStorageEngine) engine;
        String id = id("tree");
        ledger.setMerkleTreeOn(false);
        try {
            append(event(id, 0, new ProbeNoted("left behind")), event(id, 1, new ProbeNoted("by the tree")));
            append(event(id, 2, new ProbeNoted("again")));
        } finally {
            ledger.setMerkleTreeOn(true);
        }
        assertThat(treeSize()).isEqualTo(head() - 3);
        append(
                event(id, 3, new ProbeNoted("caught up")),
                event(id, 4, new ProbeNoted("with")),
                event(id, 5, new ProbeNoted("three")),
                event(id, 6, new ProbeNoted("events")));
        append(event(id, 7, new ProbeRevised("and one")));

        assertThat(treeSize()).isEqualTo(head());
        JsonNode verified = verify();
        assertThat(verified.get("intact").asBoolean()).as(verified.toString()).isTrue();
        assertThat(verified.hasNonNull("firstMismatchedLeaf")).isFalse();
        assertThat(jdbc.queryForList(
                        "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " ORDER BY global_index",
                        Long.class,
                        id))
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
    }

    /**
     * A refused append writes none of its events, subtrees or head, and the next append grows the tree from the
     * stored head (the writer keeps the right edge of its last append in memory, and must not use the refused one's).
     */
    @Test
    void aRefusedAppendWritesNothing() {
        String id = id("refused");
        append(event(id, 0, new ProbeNoted("first")));
        long head = head();
        long tree = treeSize();
        long nodes = jdbc.queryForObject("SELECT COUNT(*) FROM ledger_merkle_node", Long.class);
        // The second event takes a sequence number the record has: the (aggregate, sequence) key refuses it.
        assertThatThrownBy(() -> append(event(id, 1, new ProbeNoted("new")), event(id, 0, new ProbeNoted("taken"))))
                .isNotNull();
        assertThat(head()).isEqualTo(head);
        assertThat(treeSize()).isEqualTo(tree);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM ledger_merkle_node", Long.class))
                .isEqualTo(nodes);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM domain_event_row WHERE aggregate_identifier = ?", Long.class, id))
                .isEqualTo(1L);
        // The next append grows the tree from the stored head, not from what the refused one computed.
        append(event(id, 1, new ProbeNoted("next")));
        assertThat(treeSize()).isEqualTo(head()).isEqualTo(head + 1);
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    private long treeSize() {
        return jdbc.queryForObject("SELECT tree_size FROM ledger_chain_head WHERE id = 1", Long.class);
    }

    @Test
    void aCodeAddedByARolledBackAppendIsNeverUsed() {
        String id = id("rolled");
        long before = head();
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            engine.appendEvents(List.of(event(id, 0, new ProbeRolledBack("gone"))));
            status.setRollbackOnly();
        });
        assertThat(head()).isEqualTo(before);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM event_payload_type WHERE name = ?",
                        Long.class,
                        ProbeRolledBack.class.getName()))
                .isZero();

        // Had the node remembered the rolled-back code, this row would point at a code with no name.
        append(event(id, 0, new ProbeRolledBack("kept")));
        assertThat(jdbc.queryForObject(
                        "SELECT payload_type FROM domain_event_entry WHERE global_index = ?", String.class, before + 1))
                .isEqualTo(ProbeRolledBack.class.getName());
        assertThat(verify().get("intact").asBoolean()).isTrue();
    }

    /** Axon's MIN() and MAX() lookups, which the engine asks of the rows rather than the view: the same answers. */
    @Test
    void tokensAndLastSequenceNumbersComeFromTheRows() {
        String id = id("minmax");
        append(event(id, 0, new ProbeNoted("a")), event(id, 1, new ProbeNoted("b")));
        long head = head();
        assertThat(engine.createHeadToken().position()).hasValue(head);
        assertThat(engine.createTailToken().position())
                .hasValue(jdbc.queryForObject("SELECT MIN(global_index) - 1 FROM domain_event_entry", Long.class));
        assertThat(engine.lastSequenceNumberFor(id)).hasValue(1L);
        assertThat(engine.lastSequenceNumberFor(id("never"))).isEmpty();
        java.time.OffsetDateTime recorded = jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry WHERE global_index = ?",
                java.time.OffsetDateTime.class,
                head);
        long firstAtThatTime = jdbc.queryForObject(
                "SELECT MIN(global_index) FROM domain_event_entry WHERE time_stamp >= ?", Long.class, recorded);
        assertThat(engine.createTokenAt(recorded.toInstant()).position()).hasValue(firstAtThatTime - 1);
    }

    @Test
    void anIdentifierThatIsNotCanonicalUuidTextIsRefusedAndNothingIsAppended() {
        long before = head();
        long rows = eventCount();
        String upperCase = UUID.randomUUID().toString().toUpperCase(Locale.ROOT);
        assertThatThrownBy(() -> append(event(id("upper"), 0, new ProbeNoted("x"), upperCase)))
                .hasStackTraceContaining("not a UUID in canonical form");
        assertThatThrownBy(() -> append(event(id("text"), 0, new ProbeNoted("x"), "not-a-uuid")))
                .hasStackTraceContaining("not a UUID in canonical form");
        assertThat(head()).isEqualTo(before);
        assertThat(eventCount()).isEqualTo(rows);
    }
}
