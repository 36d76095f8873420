package org.hostledger.api.registers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPOutputStream;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The acceptance test of issue 13: the whole shared FedRAMP series imported in publication order through the REST
 * endpoint, then, for every snapshot S and every product, the entries on S's date as known when S was recorded give
 * S's status and impact level verbatim, and products absent from S are not listed. Expected values come from S's
 * file read here with a plain JSON tree, not through the importer's reader.
 */
class RegisterImportAcceptanceTest extends IntegrationTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private record Expected(String status, String level) {}

    private record Imported(
            SharedRegisters.Published snapshot,
            Instant recordedAt,
            Map<String, Expected> products,
            int authorizations) {}

    @Test
    void theWholeSeriesImportsAndEverySnapshotIsWhatTheRegisterSaidThatDay() throws Exception {
        List<Imported> imported = new ArrayList<>();
        long before = eventCount();
        long lastIndexBefore =
                jdbc.queryForObject("SELECT COALESCE(MAX(global_index), -1) FROM domain_event_entry", Long.class);
        int n = 0;
        for (SharedRegisters.Published snapshot : SharedRegisters.fedramp()) {
            byte[] file = snapshot.bytes();
            // Half the series as gzip (as published), half as plain JSON.
            Http.Response response = n++ % 2 == 0
                    ? http.at(path(snapshot))
                            .timeout(java.time.Duration.ofMinutes(10))
                            .editor()
                            .header("Content-Encoding", "gzip")
                            .postBytes(gzip(file), "application/json")
                            .send()
                    : http.at(path(snapshot))
                            .timeout(java.time.Duration.ofMinutes(10))
                            .editor()
                            .postBytes(file, "application/json")
                            .send();
            assertThat(response.status()).as(response.toString()).isEqualTo(201);
            JsonNode answer = response.json();
            assertThat(answer.hasNonNull("recordedAt"))
                    .as(snapshot.file() + ": " + answer)
                    .isTrue();
            assertThat(answer.get("sha256").asText()).isEqualTo(snapshot.sha256());
            assertThat(answer.get("register").asText()).isEqualTo("fedramp");
            assertThat(Instant.parse(answer.get("publishedAt").asText())).isEqualTo(snapshot.publishedAt());
            assertThat(answer.get("positionTo").asLong())
                    .isGreaterThanOrEqualTo(answer.get("positionFrom").asLong());
            Map<String, Expected> products = products(file);
            assertThat(answer.get("entries").asInt()).isEqualTo(products.size());
            imported.add(new Imported(
                    snapshot, Instant.parse(answer.get("recordedAt").asText()), products, authorizations(file)));
        }
        long after = eventCount();

        Map<String, Expected> everSeen = new HashMap<>();
        for (Imported s : imported) {
            everSeen.putAll(s.products());
            LocalDate date = s.snapshot().publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
            Map<String, JsonNode> entries = entries(date, s.recordedAt());
            for (Map.Entry<String, Expected> product : s.products().entrySet()) {
                JsonNode entry = entries.get(product.getKey());
                assertThat(entry)
                        .as(product.getKey() + " in " + s.snapshot().file())
                        .isNotNull();
                assertThat(entry.get("listed").asBoolean()).isTrue();
                assertThat(text(entry, "status"))
                        .as(product.getKey() + " status in " + s.snapshot().file())
                        .isEqualTo(product.getValue().status());
                assertThat(text(entry, "level"))
                        .as(product.getKey() + " level in " + s.snapshot().file())
                        .isEqualTo(product.getValue().level());
            }
            for (Map.Entry<String, JsonNode> entry : entries.entrySet()) {
                if (!s.products().containsKey(entry.getKey())) {
                    assertThat(everSeen).containsKey(entry.getKey());
                    assertThat(entry.getValue().get("listed").asBoolean())
                            .as(entry.getKey() + " absent from " + s.snapshot().file())
                            .isFalse();
                }
            }
            // Every product ever seen so far is in the view: listed or not.
            assertThat(entries.keySet()).containsAll(everSeen.keySet());
            // Each agency authorization of S is one decision in force on S's date, as known when S was recorded.
            assertThat(decisionsInForce(date, s.recordedAt()))
                    .as("agency authorizations in force in " + s.snapshot().file())
                    .isEqualTo(s.authorizations());
        }

        // The same file again: 200, duplicate, nothing appended.
        SharedRegisters.Published last = imported.get(imported.size() - 1).snapshot();
        long beforeAgain = eventCount();
        Http.Response again = http.at(path(last))
                .editor()
                .postBytes(last.bytes(), "application/json")
                .send();
        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(eventCount()).isEqualTo(beforeAgain);

        // An older snapshot than the latest: 409 naming the latest, nothing appended.
        SharedRegisters.Published older = imported.get(5).snapshot();
        byte[] changed = new String(older.bytes(), java.nio.charset.StandardCharsets.UTF_8)
                .replaceFirst("\\{", "{ ")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Http.Response late = http.at(path(older))
                .editor()
                .postBytes(changed, "application/json")
                .send();
        assertThat(late.status()).as(late.toString()).isEqualTo(409);
        assertThat(late.json().get("latestPublishedAt").asText())
                .isEqualTo(last.publishedAt().toString());
        assertThat(late.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(beforeAgain);

        report(after - before, lastIndexBefore);
    }

    private long decisionsInForce(LocalDate date, Instant knownAt) {
        return jdbc.queryForObject(
                "SELECT COUNT(*) FROM rm_decision_version d JOIN rm_decision_base b ON b.decision_id = d.decision_id"
                        + " WHERE b.register_entry LIKE 'fedramp:%' AND d.status <> 'ENDED' AND d.eff_from <= ?"
                        + " AND d.eff_to > ? AND d.rec_from <= ? AND d.rec_to > ?",
                Long.class,
                date,
                date,
                java.time.OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC),
                java.time.OffsetDateTime.ofInstant(knownAt, ZoneOffset.UTC));
    }

    /**
     * How many (product, agency) authorizations a file lists: agencies by name, the first generation's agency ids
     * read as names through {@code $.data.Agencies}, spreadsheet errors ({@code #N/A}) left out.
     */
    private static int authorizations(byte[] file) throws IOException {
        JsonNode data = JSON.readTree(file).path("data");
        Map<String, String> names = new HashMap<>();
        for (JsonNode agency : data.path("Agencies")) {
            String name = agency.path("sub").asText("").isBlank()
                    ? agency.path("parent").asText("")
                    : agency.path("sub").asText();
            if (!name.isBlank()) {
                names.put(agency.path("id").asText(), name);
            }
        }
        int pairs = 0;
        for (JsonNode product : data.path("Products")) {
            if (product.path("id").asText("").isEmpty()) {
                continue;
            }
            java.util.Set<String> agencies = new java.util.HashSet<>();
            for (JsonNode value : product.path("agency_authorizations")) {
                String raw = value.asText().strip();
                if (!raw.isEmpty() && !raw.startsWith("#")) {
                    agencies.add(names.getOrDefault(raw, raw));
                }
            }
            pairs += agencies.size();
        }
        return pairs;
    }

    /** The events the series appended, by type: register entries and snapshots, providers' hosts, decisions. */
    private void report(long events, long lastIndexBefore) {
        Map<String, Long> byType = new TreeMap<>();
        jdbc.queryForList(
                        "SELECT payload_type, COUNT(*) AS n FROM domain_event_entry WHERE global_index > ?"
                                + " GROUP BY payload_type",
                        lastIndexBefore)
                .forEach(row -> byType.put(
                        String.valueOf(row.get("PAYLOAD_TYPE")).replaceAll(".*\\.", ""),
                        ((Number) row.get("N")).longValue()));
        Map<String, Long> findings = new TreeMap<>();
        jdbc.queryForList(
                        "SELECT kind, COUNT(*) AS n FROM rm_register_finding WHERE register = 'fedramp' GROUP BY kind")
                .forEach(row -> findings.put(String.valueOf(row.get("KIND")), ((Number) row.get("N")).longValue()));
        System.out.println("FedRAMP series import: " + events + " events " + byType + "; findings " + findings);
        assertThat(byType.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(events);
        assertThat(byType.keySet())
                .isSubsetOf(
                        "RegisterEntryListed",
                        "RegisterEntryChanged",
                        "RegisterEntryDelisted",
                        "RegisterEntryRelisted",
                        "RegisterSnapshotImported",
                        "HostRegistered",
                        "HostingDecisionRecorded",
                        "HostingDecisionEnded");
    }

    private static String path(SharedRegisters.Published snapshot) {
        return "/api/registers/fedramp/snapshots?publishedAt=" + snapshot.publishedAt();
    }

    /** Every product of the file with an id, by id: its status and impact level as written. */
    private static Map<String, Expected> products(byte[] file) throws IOException {
        Map<String, Expected> products = new LinkedHashMap<>();
        for (JsonNode product : JSON.readTree(file).path("data").path("Products")) {
            String id = product.path("id").asText();
            if (!id.isEmpty()) {
                products.put(
                        id,
                        new Expected(
                                product.path("status").asText(),
                                product.path("impact_level").asText()));
            }
        }
        return products;
    }

    private Map<String, JsonNode> entries(LocalDate asOf, Instant knownAt) {
        Map<String, JsonNode> entries = new HashMap<>();
        for (int page = 0; ; page++) {
            Http.Response response = http.get(
                    "/api/registers/fedramp/entries?asOf=" + asOf + "&knownAt=" + knownAt + "&size=200&page=" + page);
            assertThat(response.status()).as(response.toString()).isEqualTo(200);
            JsonNode items = response.json().get("items");
            items.forEach(item -> entries.put(item.get("entryId").asText(), item));
            if (items.size() < 200) {
                return entries;
            }
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? "" : value.asText();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }
}
