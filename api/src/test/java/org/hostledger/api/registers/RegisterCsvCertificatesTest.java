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
 * A CSV register keeps the certificates it granted up to date: the shared {@code hds} sample, then hand-made later
 * lists derived from it — Clever Cloud's validity extended and an activity dropped (renewal, scope change), Clever
 * Cloud gone before the end of its validity (withdrawal), Clever Cloud back (granted again, a withdrawal being
 * final), the same list again as another file (nothing). Each change cites the snapshot that shows it. Imported into
 * the tests' register {@code hds-sync}.
 */
class RegisterCsvCertificatesTest extends IntegrationTest {

    private static final String CERT = "hds-sync-clever-cloud-hds";

    @Test
    void theListRenewsRescopesWithdrawsAndGrantsAgainItsCertificates() throws Exception {
        String sample = Files.readString(SharedRegisters.root().resolve("hds/hds-sample.csv"), StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(sample.lines().toList());
        String clever = lines.get(1);
        assertThat(clever).startsWith("clever-cloud-hds;");

        JsonNode first = imported(sample, "2026-01-15T08:00:00Z");
        assertThat(first.get("changes").get("CERTIFICATION_GRANTED").asInt()).isEqualTo(1);
        assertThat(certificate(CERT, "2026-01-15").get("validUntil").asText()).isEqualTo("2027-12-19");

        // Validity extended, activity 6 dropped: a renewal and a scope change, from the list's publication.
        // (A new cycle from 2026-02-01: the renewal takes effect on the new validity's start.)
        String renewed = clever.replace("1,2,3,4,5,6;2024-12-20;2027-12-19", "1,2,3,4,5;2026-02-01;2029-01-31");
        assertThat(renewed).isNotEqualTo(clever);
        String march = String.join("\n", lines.get(0), renewed, lines.get(2)) + "\n";
        JsonNode second = imported(march, "2026-03-01T08:00:00Z");
        assertThat(second.get("changes").get("CERTIFICATION_RENEWED").asInt()).isEqualTo(1);
        assertThat(second.get("changes").get("CERTIFICATION_SCOPE_CHANGED").asInt())
                .isEqualTo(1);
        assertThat(certificate(CERT, "2026-01-31").get("validUntil").asText()).isEqualTo("2027-12-19");
        JsonNode renewedOnly = certificate(CERT, "2026-02-28");
        assertThat(renewedOnly.get("validUntil").asText()).isEqualTo("2029-01-31");
        assertThat(ints(renewedOnly.get("activities"))).containsExactly(1, 2, 3, 4, 5, 6);
        JsonNode rescoped = certificate(CERT, "2026-03-01");
        assertThat(rescoped.get("validUntil").asText()).isEqualTo("2029-01-31");
        assertThat(ints(rescoped.get("activities"))).containsExactly(1, 2, 3, 4, 5);
        assertThat(rescoped.get("changes").toString())
                .contains(second.get("sha256").asText());

        // Gone from the list before the end of its validity: withdrawn from that publication, citing it.
        String april = String.join("\n", lines.get(0), lines.get(2)) + "\n";
        JsonNode third = imported(april, "2026-04-01T08:00:00Z");
        assertThat(third.get("changes").get("DELISTED").asInt()).isEqualTo(1);
        assertThat(third.get("changes").get("CERTIFICATION_WITHDRAWN").asInt()).isEqualTo(1);
        assertThat(certificate(CERT, "2026-03-31").get("status").asText()).isEqualTo("VALID");
        JsonNode withdrawn = certificate(CERT, "2026-04-01");
        assertThat(withdrawn.get("status").asText()).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.get("changes").toString())
                .contains("no longer listed", third.get("sha256").asText());

        // Back on the list: a withdrawal is final, so the certificate is granted again and the entry links to it.
        // (The same rows as March's, written with CRLF: another file, not a duplicate of March's.)
        String may = march.replace("\n", "\r\n");
        JsonNode fourth = imported(may, "2026-05-01T08:00:00Z");
        assertThat(fourth.get("changes").get("RELISTED").asInt()).isEqualTo(1);
        assertThat(fourth.get("changes").get("CERTIFICATION_GRANTED").asInt()).isEqualTo(1);
        String again = CERT + "-20260501";
        JsonNode granted = certificate(again, "2026-05-01");
        assertThat(granted.get("status").asText()).isEqualTo("VALID");
        assertThat(granted.get("validUntil").asText()).isEqualTo("2029-01-31");
        assertThat(ints(granted.get("activities"))).containsExactly(1, 2, 3, 4, 5);
        assertThat(granted.get("sources").toString())
                .contains(fourth.get("sha256").asText());
        JsonNode entry = entry("clever-cloud-hds", fourth.get("positionTo").asText());
        assertThat(entry.get("certificationId").asText()).isEqualTo(again);
        assertThat(entry.get("listed").asBoolean()).isTrue();

        // The same list again (another file): nothing to change.
        long before = eventCount();
        JsonNode same = imported(may + "\r\n", "2026-06-01T08:00:00Z");
        assertThat(same.get("changes").size()).as(same.toString()).isZero();
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    private JsonNode imported(String csv, String publishedAt) {
        Http.Response response = http.at("/api/registers/hds-sync/snapshots?publishedAt=" + Instant.parse(publishedAt))
                .editor()
                .postBytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(201);
        return response.json();
    }

    private JsonNode certificate(String id, String asOf) {
        Http.Response response = http.get("/api/certifications/" + id + "?asOf=" + asOf);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return response.json();
    }

    private JsonNode entry(String entryId, String position) {
        for (JsonNode item :
                read("/api/registers/hds-sync/entries?size=200", position).get("items")) {
            if (item.get("entryId").asText().equals(entryId)) {
                return item;
            }
        }
        throw new AssertionError(entryId + " is not an entry of hds-sync");
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asInt()));
        return values;
    }
}
