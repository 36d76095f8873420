package org.hostledger.api.application.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.api.application.Queries;
import org.hostledger.api.registers.SharedRegisters;
import org.hostledger.core.command.EndHostingDecision;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.FindRegisterDecisions;
import org.hostledger.core.query.FindRegisterHoldings;
import org.hostledger.core.query.RegisterDecisions;
import org.hostledger.core.query.RegisterHoldings;
import org.hostledger.store.processing.ProjectionProgress;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A series imported without waiting for the views between files (as {@code --import} does): each file after the first
 * is diffed against what the previous import left in memory, and that is exactly what the views answer once they catch
 * up — checked after every file of the real FedRAMP series. A write by anyone else between two imports sends the next
 * one back to the views.
 */
class CarriedHoldingsTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private RegisterImporter importer;

    @Autowired
    private Queries queries;

    @Autowired
    private ProjectionProgress progress;

    @Autowired
    private LedgerCommands commands;

    @Test
    void whatEachImportLeavesInMemoryIsWhatTheViewsAnswerOnceTheyCatchUp() {
        String register = "fedramp-carried";
        List<SharedRegisters.Published> series = SharedRegisters.fedramp();
        for (int n = 0; n < series.size(); n++) {
            SharedRegisters.Published snapshot = series.get(n);
            SnapshotImport imported =
                    importer.importSnapshot(register, snapshot.bytes(), snapshot.publishedAt(), null, "test", false);
            assertThat(imported.duplicate()).isFalse();
            assertThat(imported.recordedAt()).as(snapshot.file().toString()).isNotNull();
            // Nobody else writes in this test: every file after the first is diffed from memory.
            assertThat(importer.lastDiffedFromMemory(register))
                    .as(snapshot.file().toString())
                    .isEqualTo(n > 0);

            CarriedHoldings carried = importer.carried(register);
            assertThat(carried).as(snapshot.file().toString()).isNotNull();
            assertThat(carried.position()).isEqualTo(imported.positionTo());
            assertThat(progress.await(imported.positionTo(), Duration.ofSeconds(60)))
                    .isTrue();
            RegisterHoldings views =
                    queries.ask(new FindRegisterHoldings(register, snapshot.sha256()), RegisterHoldings.class);
            RegisterHoldings memory = carried.holdings(snapshot.sha256());
            assertThat(memory.entries()).as(snapshot.file().toString()).isEqualTo(views.entries());
            assertThat(memory.latest()).as(snapshot.file().toString()).isEqualTo(views.latest());
            assertThat(memory.imported()).isEqualTo(views.imported());
            assertThat(sets(carried.decisions()))
                    .as(snapshot.file().toString())
                    .isEqualTo(sets(queries.ask(new FindRegisterDecisions(register), RegisterDecisions.class)));
        }

        // A file of the series again, from memory: a duplicate, nothing appended, and memory is still usable.
        SharedRegisters.Published fifth = series.get(4);
        long before = eventCount();
        SnapshotImport again =
                importer.importSnapshot(register, fifth.bytes(), fifth.publishedAt(), null, "test", false);
        assertThat(again.duplicate()).isTrue();
        assertThat(importer.lastDiffedFromMemory(register)).isTrue();
        // An older snapshot than the latest, from memory: refused, nothing appended.
        byte[] changed = withSpace(fifth.bytes());
        assertThatThrownBy(() -> importer.importSnapshot(register, changed, fifth.publishedAt(), null, "test", false))
                .isInstanceOf(SnapshotRefused.class);
        assertThat(eventCount()).isEqualTo(before);
        assertThat(importer.carried(register)).isNotNull();
    }

    @Test
    void aWriteBetweenTwoImportsSendsTheNextBackToTheViews() throws Exception {
        String register = "fedramp-interleaved";
        SharedRegisters.Published april = SharedRegisters.fedramp().stream()
                .filter(p -> p.publishedAt().toString().startsWith("2025-04-01"))
                .findFirst()
                .orElseThrow();
        byte[] file = trimmed(april.bytes());
        Instant publishedAt = april.publishedAt();
        SnapshotImport first = importer.importSnapshot(register, file, publishedAt, null, "test", true);
        assertThat(first.changes().get("AUTHORIZATION_RECORDED")).isPositive();

        // Someone ends one of the agency decisions the import recorded: the ledger moved on without the importer.
        RegisterDecisions decisions = queries.ask(new FindRegisterDecisions(register), RegisterDecisions.class);
        RegisterDecisions.Held ended =
                decisions.byEntry().values().iterator().next().get(0);
        commands.sendAs(
                new EndHostingDecision(
                        ended.decisionId(),
                        publishedAt.atZone(java.time.ZoneOffset.UTC).toLocalDate(),
                        "ended by hand between two imports (test)",
                        null,
                        List.of(new SourceNote("A test source", null, LocalDate.of(2025, 4, 1))),
                        null),
                "test",
                null);

        // The same content published a day later: the register still lists that agency, so the ledger records it
        // again — which only a diff against the views (where the decision has ended) can see.
        SnapshotImport second = importer.importSnapshot(
                register, withSpace(file), publishedAt.plus(Duration.ofDays(1)), null, "test", true);
        assertThat(second.changes()).isEqualTo(Map.of("AUTHORIZATION_RECORDED", 1));
        assertThat(importer.lastDiffedFromMemory(register)).isFalse();

        // Nobody wrote since: the next import is diffed from memory again, and finds nothing new.
        SnapshotImport third = importer.importSnapshot(
                register, withSpace(withSpace(file)), publishedAt.plus(Duration.ofDays(2)), null, "test", true);
        assertThat(importer.lastDiffedFromMemory(register)).isTrue();
        assertThat(third.changes()).isEmpty();
    }

    /** The decisions by entry, each entry's as a set (the view orders them by the database's collation). */
    private static Map<String, Set<RegisterDecisions.Held>> sets(RegisterDecisions decisions) {
        Map<String, Set<RegisterDecisions.Held>> sets = new TreeMap<>();
        decisions.byEntry().forEach((entry, held) -> sets.put(entry, new HashSet<>(held)));
        return sets;
    }

    /** The same JSON as another file (another SHA-256). */
    private static byte[] withSpace(byte[] file) {
        return new String(file, java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{ ")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The first 20 products of a real file, for speed. */
    private static byte[] trimmed(byte[] file) throws Exception {
        JsonNode root = JSON.readTree(file);
        ArrayNode products = (ArrayNode) root.path("data").path("Products");
        ArrayNode kept = JSON.createArrayNode();
        for (int i = 0; i < Math.min(20, products.size()); i++) {
            kept.add(products.get(i));
        }
        ((ObjectNode) root.path("data")).set("Products", kept);
        return JSON.writeValueAsBytes(root);
    }
}
