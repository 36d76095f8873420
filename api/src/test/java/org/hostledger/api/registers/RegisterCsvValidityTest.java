package org.hostledger.api.registers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * A CSV row whose validity the register's scheme cannot hold (an HDS certificate is valid at most three years) is a
 * finding, not a refused import: the row is listed without a certificate, {@code valid_until} kept raw, and the rest
 * of the snapshot goes through. The case that was refused whole (409): an entry withdrawn, then listed again with a
 * five-year validity, whose certificate the import tried to grant again. Imported into the tests' register
 * {@code hds-relist}.
 */
class RegisterCsvValidityTest extends IntegrationTest {

    @Test
    void aRelistedRowWithAValidityLongerThanTheSchemeAllowsIsAFinding() throws Exception {
        String sample = Files.readString(SharedRegisters.root().resolve("hds/hds-sample.csv"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(sample.lines().toList());
        String clever = lines.get(1);
        assertThat(clever).contains(";2024-12-20;2027-12-19;");

        JsonNode first = imported(sample, "2026-01-15T08:00:00Z");
        assertThat(first.get("changes").get("CERTIFICATION_GRANTED").asInt()).isEqualTo(1);
        JsonNode gone = imported(String.join("\n", lines.get(0), lines.get(2)) + "\n", "2026-04-01T08:00:00Z");
        assertThat(gone.get("changes").get("CERTIFICATION_WITHDRAWN").asInt()).isEqualTo(1);

        // Back, valid five years; and a new row, valid four years: neither certificate can be granted.
        String tooLong = clever.replace(";2024-12-20;2027-12-19;", ";2026-02-01;2031-01-31;");
        String newRow = clever.replace("clever-cloud-hds;Clever Cloud;", "long-hds;Long Validity Hosting;")
                .replace(";2024-12-20;2027-12-19;", ";2025-01-01;2029-01-02;");
        long before = eventCount();
        JsonNode back =
                imported(String.join("\n", lines.get(0), tooLong, lines.get(2), newRow) + "\n", "2026-05-01T08:00:00Z");
        assertThat(back.get("changes").get("RELISTED").asInt()).isEqualTo(1);
        assertThat(back.get("changes").get("LISTED").asInt()).isEqualTo(1);
        assertThat(back.get("changes").has("CERTIFICATION_GRANTED")).isFalse();
        // Scalingo's missing start of validity, and one for each row too long.
        assertThat(back.get("findings").asInt()).isEqualTo(3);
        // The relisting, the new entry, the snapshot's record: nothing else.
        assertThat(eventCount()).isEqualTo(before + 3);

        List<JsonNode> longer = new ArrayList<>();
        for (JsonNode finding :
                http.get("/api/registers/hds-relist/findings?size=200").json().get("items")) {
            if (finding.get("kind").asText().equals("VALIDITY_LONGER_THAN_SCHEME")) {
                longer.add(finding);
            }
        }
        assertThat(longer).hasSize(2);
        assertThat(longer).allSatisfy(f -> assertThat(f.get("field").asText()).isEqualTo("valid_until"));
        assertThat(longer.stream().map(f -> f.get("raw").asText()))
                .containsExactlyInAnyOrder("2031-01-31", "2029-01-02");

        JsonNode relisted = entry("clever-cloud-hds", back.get("positionTo").asText());
        assertThat(relisted.get("listed").asBoolean()).isTrue();
        // Still linked to its withdrawn certificate: no certificate was granted again on a validity that cannot be.
        assertThat(relisted.get("certificationId").asText()).isEqualTo("hds-relist-clever-cloud-hds");
        JsonNode fresh = entry("long-hds", back.get("positionTo").asText());
        assertThat(fresh.get("listed").asBoolean()).isTrue();
        assertThat(fresh.has("certificationId")).isFalse();
    }

    private JsonNode imported(String csv, String publishedAt) {
        Http.Response response = http.at(
                        "/api/registers/hds-relist/snapshots?publishedAt=" + Instant.parse(publishedAt))
                .editor()
                .postBytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private JsonNode entry(String entryId, String position) {
        for (JsonNode item :
                read("/api/registers/hds-relist/entries?size=200", position).get("items")) {
            if (item.get("entryId").asText().equals(entryId)) {
                return item;
            }
        }
        throw new AssertionError(entryId + " is not an entry of hds-relist");
    }
}
