package org.hostledger.api.registers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import org.hostledger.api.application.registers.FedrampSnapshotReader;
import org.hostledger.api.application.registers.ParsedSnapshot;
import org.hostledger.api.application.registers.SnapshotUnreadable;
import org.hostledger.core.model.RegisterFinding;
import org.junit.jupiter.api.Test;

class FedrampSnapshotReaderTest {

    private static final Instant PUBLISHED = Instant.parse("2024-06-01T03:51:10Z");

    private final FedrampSnapshotReader reader =
            new FedrampSnapshotReader(new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS));

    private ParsedSnapshot read(String json) {
        return reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), PUBLISHED);
    }

    private static String product(String id, String status, String level, String authDate) {
        return "{\"id\":\"" + id + "\",\"csp\":\"Acme\",\"cso\":\"Acme Cloud\",\"status\":\"" + status
                + "\",\"impact_level\":\"" + level + "\",\"auth_date\":\"" + authDate
                + "\",\"ready_date\":\"No FRR Date\",\"independent_assessor\":\"Coalfire\"}";
    }

    private static String file(String... products) {
        return "{\"meta\":{},\"data\":{\"Metrics\":{},\"Products\":[" + String.join(",", products) + "]}}";
    }

    @Test
    void readsEveryPublishedSnapshotWithTheIndexCountsAndReportsRealAnomaliesOnly() throws Exception {
        Map<String, Integer> byKind = new TreeMap<>();
        int entries = 0;
        for (SharedRegisters.Published published : SharedRegisters.fedramp()) {
            byte[] bytes = published.bytes();
            String sha = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(sha).as(published.file().toString()).isEqualTo(published.sha256());
            ParsedSnapshot snapshot = reader.read(new ByteArrayInputStream(bytes), published.publishedAt());
            assertThat(snapshot.rows()).as(published.file().toString()).isEqualTo(published.products());
            long blank = snapshot.findings().stream()
                    .filter(f -> f.kind().equals("BLANK_ROW"))
                    .count();
            assertThat(snapshot.entries()).hasSize((int) (snapshot.rows() - blank));
            LocalDate publishedOn =
                    published.publishedAt().atZone(java.time.ZoneOffset.UTC).toLocalDate();
            for (RegisterFinding finding : snapshot.findings()) {
                byKind.merge(finding.kind(), 1, Integer::sum);
                assertRealAnomaly(finding, publishedOn);
            }
            for (ParsedSnapshot.Entry entry : snapshot.entries()) {
                if (entry.registerDate() != null) {
                    assertThat(entry.registerDate())
                            .isAfterOrEqualTo(FedrampSnapshotReader.PROGRAMME_START)
                            .isBeforeOrEqualTo(publishedOn);
                }
            }
            entries += snapshot.entries().size();
        }
        System.out.println("FedRAMP series: " + entries + " entries read; findings by kind " + byKind);
        // The kinds the data's README announces are all found.
        assertThat(byKind)
                .containsKeys(
                        "BLANK_ROW",
                        "EMPTY_STATUS",
                        "UNKNOWN_STATUS",
                        "SPREADSHEET_ERROR",
                        "DATE_BEFORE_PROGRAMME",
                        "DATE_AFTER_PUBLICATION");
        assertThat(byKind.get("BLANK_ROW")).isEqualTo(612);
        assertThat(byKind.get("EMPTY_STATUS")).isEqualTo(20);
        assertThat(byKind.get("UNKNOWN_STATUS")).isEqualTo(1);
    }

    /** Each finding is checked again here, independently of the reader's own rules. */
    private static void assertRealAnomaly(RegisterFinding finding, LocalDate publishedOn) {
        String raw = finding.raw();
        switch (finding.kind()) {
            case "BLANK_ROW", "EMPTY_STATUS", "EMPTY_LEVEL" -> assertThat(raw).isNullOrEmpty();
            case "UNKNOWN_STATUS" ->
                assertThat(raw).isNotEmpty().isNotIn("FedRAMP Ready", "FedRAMP In Process", "FedRAMP Authorized");
            case "UNKNOWN_LEVEL" -> assertThat(raw).isNotIn("High", "Moderate", "Low", "LI-SaaS");
            case "SPREADSHEET_ERROR" -> assertThat(raw).startsWith("#");
            case "PLACEHOLDER" -> assertThat(raw).doesNotContainPattern("\\d");
            case "DATE_BEFORE_PROGRAMME" ->
                assertThat(LocalDate.parse(raw.substring(0, 10))).isBefore(LocalDate.of(2011, 12, 8));
            case "DATE_AFTER_PUBLICATION" ->
                assertThat(LocalDate.parse(raw.substring(0, 10))).isAfter(publishedOn);
            case "PARTIAL_DATE", "UNREADABLE_DATE", "MISSING_DATE" ->
                assertThat(raw).doesNotMatch("\\d{4}-\\d{2}-\\d{2}.*");
            default -> throw new AssertionError("unexpected finding kind " + finding);
        }
    }

    @Test
    void keepsStatusAndLevelVerbatimAndTakesTheAuthorizationDateAsADate() {
        ParsedSnapshot snapshot =
                read(file(product("F1", "FedRAMP Authorized", "Moderate", "2015-03-02T20:00:00.000Z")));
        ParsedSnapshot.Entry entry = snapshot.entries().get(0);
        assertThat(entry.facts().status()).isEqualTo("FedRAMP Authorized");
        assertThat(entry.facts().stage()).isEqualTo("AUTHORIZED");
        assertThat(entry.facts().level()).isEqualTo("Moderate");
        assertThat(entry.facts().provider()).isEqualTo("Acme");
        assertThat(entry.facts().name()).isEqualTo("Acme Cloud");
        assertThat(entry.registerDate()).isEqualTo(LocalDate.of(2015, 3, 2));
        assertThat(snapshot.findings()).isEmpty();
    }

    @Test
    void anUnknownStatusWordStaysUnknownWithItsRawValue() {
        ParsedSnapshot snapshot = read(file(product("F1", "No Status Found", "Li-SaaS", "Not Active")));
        assertThat(snapshot.entries().get(0).facts().stage()).isNull();
        assertThat(snapshot.entries().get(0).facts().status()).isEqualTo("No Status Found");
        assertThat(snapshot.findings())
                .extracting(RegisterFinding::kind, RegisterFinding::raw)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("UNKNOWN_STATUS", "No Status Found"),
                        org.assertj.core.groups.Tuple.tuple("UNKNOWN_LEVEL", "Li-SaaS"));
    }

    @Test
    void implausibleAuthorizationDatesAreFindingsNotDates() {
        ParsedSnapshot snapshot = read(file(
                product("F1", "FedRAMP Authorized", "High", "2009-11-09T20:00:00.000Z"),
                product("F2", "FedRAMP Authorized", "High", "2024-06-02T04:00:00.000Z"),
                product("F3", "FedRAMP Authorized", "High", "#REF!"),
                product("F4", "FedRAMP Authorized", "High", "Not Active"),
                product("F5", "FedRAMP Authorized", "High", "09/30")));
        assertThat(snapshot.entries())
                .allSatisfy(e -> assertThat(e.registerDate()).isNull());
        assertThat(snapshot.findings())
                .extracting(RegisterFinding::where, RegisterFinding::kind)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("$.data.Products[0].auth_date", "DATE_BEFORE_PROGRAMME"),
                        org.assertj.core.groups.Tuple.tuple("$.data.Products[1].auth_date", "DATE_AFTER_PUBLICATION"),
                        org.assertj.core.groups.Tuple.tuple("$.data.Products[2].auth_date", "SPREADSHEET_ERROR"),
                        org.assertj.core.groups.Tuple.tuple("$.data.Products[3].auth_date", "PLACEHOLDER"),
                        org.assertj.core.groups.Tuple.tuple("$.data.Products[4].auth_date", "PARTIAL_DATE"));
    }

    @Test
    void aPlaceholderWhereTheStageHasNoDateIsNoFinding() {
        ParsedSnapshot snapshot = read(file(product("F1", "FedRAMP In Process", "High", "Not Authorized")));
        assertThat(snapshot.findings()).isEmpty();
    }

    @Test
    void refusesWhatIsNotAMarketplaceFileSayingWhere() {
        assertRefused("", "$", "empty");
        assertRefused("{\"data\":{\"Products\":[" + product("F1", "FedRAMP Ready", "Low", "x"), "line 1", "JSON");
        assertRefused("entry_id;host\nx;y\n", "line 1", "JSON");
        assertRefused("[1,2]", "$", "not an object");
        assertRefused("{\"data\":{\"Products\":{}}}", "$.data.Products", "not an array");
        assertRefused("{\"meta\":{}}", "$.data.Products", "no array");
        assertRefused(
                file(product("F1", "FedRAMP Ready", "Low", "x"), "{\"csp\":\"Acme\",\"status\":\"FedRAMP Ready\"}"),
                "$.data.Products[1].id",
                "without id");
        assertRefused(
                file(product("F1", "FedRAMP Ready", "Low", "x"), product("F1", "FedRAMP Ready", "Low", "x")),
                "$.data.Products[1].id",
                "$.data.Products[0]");
        assertRefused(file("{\"id\":\"F1\",\"status\":3}"), "$.data.Products[0].status", "expected a text");
    }

    private void assertRefused(String json, String where, String message) {
        assertThatThrownBy(() -> read(json))
                .isInstanceOf(SnapshotUnreadable.class)
                .satisfies(e -> assertThat(((SnapshotUnreadable) e).where()).startsWith(where))
                .hasMessageContaining(message);
    }

    @Test
    void tenThousandProductsAreRead() {
        String[] products = new String[10_000];
        for (int i = 0; i < products.length; i++) {
            products[i] = product("F" + i, "FedRAMP Ready", "Low", "x");
        }
        assertThat(read(file(products)).entries()).hasSize(10_000);
    }
}
