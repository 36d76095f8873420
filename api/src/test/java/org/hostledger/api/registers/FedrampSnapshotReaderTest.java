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

    @Test
    void agencyAuthorizationsAreReadByNameWithTheirAtoDateWhenPlausible() {
        String product = "{\"id\":\"F1\",\"csp\":\"Acme\",\"cso\":\"Acme Cloud\",\"status\":"
                + "\"FedRAMP Authorized\",\"impact_level\":\"High\",\"auth_date\":\"2020-01-02T20:00:00.000Z\","
                + "\"agency_authorizations\":[\"22-001\",\"Department of State \",\"#N/A\",\"\",\"22-002\"]}";
        String agencies = "[{\"id\":\"22-001\",\"parent\":\"Department of Energy\",\"sub\":\"Argonne Site Office\"},"
                + "{\"id\":\"22-002\",\"parent\":\"Department of State\",\"sub\":\"\"},"
                + "{\"id\":\"22-003\",\"parent\":\"Department of Labor\",\"sub\":\"\"}]";
        String ato = "[{\"id\":\"F1\",\"agency_id\":\"22-001\",\"ato_date\":\"2021-05-04T20:00:00.000Z\"},"
                + "{\"id\":\"F1\",\"agency_id\":\"22-002\",\"ato_date\":\"2009-11-09T20:00:00.000Z\"}]";
        ParsedSnapshot snapshot = read(
                "{\"data\":{\"Products\":[" + product + "],\"Agencies\":" + agencies + ",\"AtoMapping\":" + ato + "}}");
        Map<String, LocalDate> read = snapshot.entries().get(0).agencies();
        // The first generation's ids read as names; one agency listed by id and by name is one authorization.
        assertThat(read).containsOnlyKeys("Argonne Site Office", "Department of State");
        assertThat(read.get("Argonne Site Office")).isEqualTo(LocalDate.of(2021, 5, 4));
        // An ATO dated before FedRAMP existed is a finding, not a date.
        assertThat(read.get("Department of State")).isNull();
        assertThat(snapshot.findings())
                .extracting(RegisterFinding::where, RegisterFinding::kind, RegisterFinding::raw)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(
                                "$.data.AtoMapping[1].ato_date", "DATE_BEFORE_PROGRAMME", "2009-11-09T20:00:00.000Z"),
                        org.assertj.core.groups.Tuple.tuple(
                                "$.data.Products[0].agency_authorizations[2]", "SPREADSHEET_ERROR", "#N/A"));
    }

    @Test
    void realAgencyAuthorizationsOfTheFirstAndOfALaterPublication() {
        Map<String, ParsedSnapshot> byDay = new TreeMap<>();
        for (SharedRegisters.Published published : SharedRegisters.fedramp()) {
            String day = published.publishedAt().toString().substring(0, 10);
            if (day.equals("2023-02-15") || day.equals("2025-04-01")) {
                byDay.put(day, reader.read(new ByteArrayInputStream(published.bytes()), published.publishedAt()));
            }
        }
        ParsedSnapshot first = byDay.get("2023-02-15");
        // 1,828 values: 101 are the spreadsheet's #N/A, the others agency ids, read as 1,718 (product, agency) pairs.
        assertThat(first.entries().stream().mapToInt(e -> e.agencies().size()).sum())
                .isEqualTo(1718);
        assertThat(first.findings().stream()
                        .filter(f -> "agency_authorizations".equals(f.field()))
                        .count())
                .isEqualTo(101);
        ParsedSnapshot.Entry akamai = first.entries().stream()
                .filter(e -> e.entryId().equals("F1206061353"))
                .findFirst()
                .orElseThrow();
        assertThat(akamai.agencies()).containsKey("JAB Authorization");
        ParsedSnapshot.Entry box = byDay.get("2025-04-01").entries().stream()
                .filter(e -> e.entryId().equals("F1212191840A"))
                .findFirst()
                .orElseThrow();
        assertThat(box.agencies()).hasSize(41);
        assertThat(box.agencies().get("Department of Veterans Affairs")).isEqualTo(LocalDate.of(2022, 8, 29));
        assertThat(box.agencies().get("Federal Student Aid")).isNull();
        assertThat(byDay.get("2025-04-01").entries().stream()
                        .mapToInt(e -> e.agencies().size())
                        .sum())
                .isEqualTo(2719);
    }
}
