package org.hostledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.core.audit.EventChain;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * History written in an older shape still replays into the same views. The same decision is recorded twice: once
 * through the API as the application writes events today, once as rows an older version wrote — by SQL, chained into
 * the hash chain as that version's store did — with {@code HostingDecisionChallenged} revision 1 (the challenger
 * under its old name {@code by}) and {@code HostingDecisionCorrected} revision 1 (without {@code offeringId}). Both
 * decisions then take a new event through the command side (the old rows load the aggregate through the upcasters),
 * their views must be equal, equal again after every projection is rebuilt, the chain and the Merkle tree must verify,
 * and the audit trail must show the old rows as they are stored.
 *
 * <p>Its own application and store: it appends to the chain behind the application's back.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "hostledger.demo-data=false")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventEvolutionTest extends IntegrationTest {

    private static final String SOURCES =
            "[{\"title\":\"A test source\",\"url\":\"https://example.org/source\",\"publishedOn\":\"2020-01-01\"}]";

    @Autowired
    PlatformTransactionManager transactions;

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aHistoryStoredInTheOldShapeReplaysIntoTheViewsOfTheNewShape() throws Exception {
        String host = id("evo-host");
        String other = id("evo-other");
        registerHost(host, "FR", null, null);
        registerHost(other, "DE", "Far Away Corp", "US");
        String current = id("evo-new");
        String legacy = id("evo-old");

        // Today's shape, through the API.
        assertCreated(post("/api/decisions", recordBody(current, host)));
        assertCreated(post(
                "/api/decisions/" + current + "/challenges",
                "{\"by\":\"A member of parliament\",\"effectiveOn\":\"2020-02-01\",\"argument\":\"Data abroad\","
                        + "\"forum\":\"Senate\",\"sources\":" + SOURCES + "}"));
        assertCreated(post(
                "/api/decisions/" + current + "/corrections",
                "{\"hostId\":\"" + other + "\",\"reason\":\"The contract names the other host\",\"sources\":" + SOURCES
                        + "}"));

        // The same facts as an older version stored them: revisions absent, the old field name, no offeringId.
        appendAsAnOlderVersionDid(
                legacy,
                List.of(
                        new OldRow(
                                HostingDecisionRecorded.class.getName(),
                                "{\"decisionId\":\"" + legacy + "\",\"controller\":\"CHU de Test\","
                                        + "\"system\":\"Dossier patient\",\"hostId\":\"" + host + "\","
                                        + "\"activities\":[1,2,3],\"decidedOn\":\"2019-01-01\","
                                        + "\"procurement\":\"PUBLIC_TENDER\",\"rationale\":\"Best offer\","
                                        + "\"alternatives\":[],\"sources\":" + SOURCES + "}"),
                        new OldRow(
                                HostingDecisionChallenged.class.getName(),
                                "{\"decisionId\":\"" + legacy + "\",\"by\":\"A member of parliament\","
                                        + "\"effectiveOn\":\"2020-02-01\",\"argument\":\"Data abroad\","
                                        + "\"forum\":\"Senate\",\"sources\":" + SOURCES + "}"),
                        new OldRow(
                                HostingDecisionCorrected.class.getName(),
                                "{\"decisionId\":\"" + legacy + "\",\"controller\":\"CHU de Test\","
                                        + "\"system\":\"Dossier patient\",\"hostId\":\"" + other + "\","
                                        + "\"activities\":[1,2,3],\"decidedOn\":\"2019-01-01\","
                                        + "\"procurement\":\"PUBLIC_TENDER\",\"rationale\":\"Best offer\","
                                        + "\"alternatives\":[],\"reason\":\"The contract names the other host\","
                                        + "\"sources\":" + SOURCES + "}")));

        // A new event on each: the legacy decision's aggregate is loaded from the old rows, through the upcasters.
        String ending = "{\"effectiveOn\":\"2024-12-31\",\"reason\":\"Moved\",\"sources\":" + SOURCES + "}";
        assertCreated(post("/api/decisions/" + current + "/endings", ending));
        Http.Response last = post("/api/decisions/" + legacy + "/endings", ending);
        assertCreated(last);
        String position = last.header("X-Ledger-Position");

        List<String> views = List.of("", "?asOf=2020-06-01", "?asOf=2025-01-01");
        for (String view : views) {
            assertThat(comparable(read("/api/decisions/" + legacy + view, position), legacy, current))
                    .as("the legacy decision's view %s", view)
                    .isEqualTo(comparable(read("/api/decisions/" + current + view, position), legacy, current));
        }
        JsonNode legacyView = read("/api/decisions/" + legacy, position);
        assertThat(legacyView.toString()).contains("A member of parliament");
        assertThat(legacyView.at("/host/id").asText()).isEqualTo(other);
        Map<String, String> fingerprint = readModelFingerprint();

        for (String projection : List.of("registry", "hosting-map", "registers", "offerings")) {
            Http.Response replay = http.at("/api/admin/projections/" + projection + "/replay")
                    .admin()
                    .post("")
                    .send();
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        }
        awaitReplays();
        String head = Long.toString(head());
        assertThat(read("/api/decisions/" + legacy, head)).isEqualTo(legacyView);
        for (String view : views) {
            assertThat(comparable(read("/api/decisions/" + legacy + view, head), legacy, current))
                    .as("the legacy decision's view %s after the replay", view)
                    .isEqualTo(comparable(read("/api/decisions/" + current + view, head), legacy, current));
        }
        assertThat(readModelFingerprint()).isEqualTo(fingerprint);

        // The chain and the tree cover the bytes as stored: the old rows verify as they are.
        JsonNode verdict = http.at("/api/audit/verify").auditor().send().json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        assertThat(verdict.get("chainIntact").asBoolean())
                .as(verdict.toString())
                .isTrue();
        assertThat(verdict.get("checked").asLong()).isEqualTo(head());

        // The audit trail shows each payload verbatim: the old one with "by", today's with "challenger".
        assertThat(challengePayload(legacy)).containsKey("by").doesNotContainKey("challenger");
        assertThat(challengePayload(current)).containsKey("challenger").doesNotContainKey("by");
    }

    private Map<String, Object> challengePayload(String decision) throws Exception {
        JsonNode history = http.at("/api/decisions/" + decision + "/history")
                .auditor()
                .send()
                .json();
        for (JsonNode event : history.get("events")) {
            if (event.get("type").asText().equals("HostingDecisionChallenged")) {
                @SuppressWarnings("unchecked")
                Map<String, Object> payload = json.treeToValue(event.get("payload"), Map.class);
                return payload;
            }
        }
        throw new AssertionError("no challenge in " + history);
    }

    private static String recordBody(String id, String host) {
        return "{\"id\":\"" + id + "\",\"controller\":\"CHU de Test\",\"system\":\"Dossier patient\",\"hostId\":\""
                + host + "\",\"activities\":[1,2,3],\"decidedOn\":\"2019-01-01\",\"procurement\":\"PUBLIC_TENDER\","
                + "\"rationale\":\"Best offer\",\"sources\":" + SOURCES + "}";
    }

    private static void assertCreated(Http.Response response) {
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
    }

    /**
     * A decision's view with the legacy id written as the current one and without the instants each event was
     * recorded at (the two histories were recorded at different instants): what both must have in common.
     */
    private JsonNode comparable(JsonNode view, String legacy, String current) throws Exception {
        JsonNode copy = json.readTree(view.toString().replace(legacy, current));
        copy.findParents("recordedAt").forEach(parent -> ((ObjectNode) parent).remove("recordedAt"));
        return copy;
    }

    private record OldRow(String payloadType, String payload) {}

    /**
     * Appends one record's events as the store of an older version did: under the chain head's lock, each row chained
     * to its predecessor by {@link EventChain}, no payload revision. The Merkle tree is left behind (its size stays in
     * the chain head); the next append through the application catches it up, as after the tree was switched off.
     */
    private void appendAsAnOlderVersionDid(String aggregateId, List<OldRow> rows) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            Map<String, Object> headRow =
                    jdbc.queryForMap("SELECT last_index, last_hash FROM ledger_chain_head WHERE id = 1 FOR UPDATE");
            long index = ((Number) headRow.get("last_index")).longValue();
            byte[] hash = (byte[]) headRow.get("last_hash");
            Instant recorded = EventChain.truncate(Instant.now());
            OffsetDateTime lastRecorded = jdbc.queryForObject(
                    "SELECT last_recorded FROM ledger_chain_head WHERE id = 1", OffsetDateTime.class);
            if (lastRecorded != null && lastRecorded.toInstant().isAfter(recorded)) {
                recorded = lastRecorded.toInstant();
            }
            OffsetDateTime recordedAt = OffsetDateTime.ofInstant(recorded, ZoneOffset.UTC);
            long sequence = 0;
            for (OldRow row : rows) {
                index++;
                String eventId = UUID.randomUUID().toString();
                byte[] payload = row.payload().getBytes(StandardCharsets.UTF_8);
                byte[] metadata = ("{\"actor\":\"editor\",\"correlationId\":\"" + eventId + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                hash = EventChain.link(
                        hash,
                        new EventChain.Link(
                                index,
                                eventId,
                                "HostingDecision",
                                aggregateId,
                                sequence,
                                recorded,
                                row.payloadType(),
                                null,
                                payload,
                                metadata));
                jdbc.update(
                        "INSERT INTO domain_event_entry (global_index, event_identifier, aggregate_identifier, "
                                + "sequence_number, type, time_stamp, payload_type, payload_revision, payload, "
                                + "meta_data, chain_hash) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                        index,
                        eventId,
                        aggregateId,
                        sequence,
                        "HostingDecision",
                        recordedAt,
                        row.payloadType(),
                        null,
                        payload,
                        metadata,
                        hash);
                sequence++;
            }
            jdbc.update(
                    "UPDATE ledger_chain_head SET last_index = ?, last_hash = ?, last_recorded = ? WHERE id = 1",
                    index,
                    hash,
                    recordedAt);
        });
    }
}
