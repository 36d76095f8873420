package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.registers.SharedRegisters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /registers} and {@code /registers/{register}} over two consecutive snapshots of the shared FedRAMP series
 * (register {@code pages-fedramp}) and a hand-made HDS list (register {@code pages-hds}): each page says what the
 * REST reads say for the same question.
 */
class RegisterPagesTest extends IntegrationTest {

    /** Two consecutive publications from the middle of the series. */
    private static final int FIRST = 20;

    private static Imported first;
    private static Imported second;
    private static String hdsEntry;
    private static String hdsHost;

    private record Imported(SharedRegisters.Published snapshot, Instant recordedAt, int entries, long position) {

        LocalDate date() {
            return snapshot.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
        }

        /** The register as it stood on the day of this snapshot, as known when it was imported. */
        String at() {
            return "asOf=" + date() + "&knownAt=" + recordedAt;
        }
    }

    private PageClient pages;

    @BeforeEach
    void snapshotsImported() {
        pages = new PageClient(port);
        if (first != null) {
            return;
        }
        List<SharedRegisters.Published> series = SharedRegisters.fedramp();
        first = importFedramp(series.get(FIRST));
        second = importFedramp(series.get(FIRST + 1));
        hdsEntry = "hds-" + ProcessHandle.current().pid();
        String csv = "entry_id;host;country;parent_company;parent_country;certificate_kind;certifier;referential;"
                + "activities;valid_from;valid_until;certificate_number;source\n"
                + hdsEntry + ";Hôpital Numérique " + hdsEntry + ";FR;;;;AFNOR Certification;v2.0;1,2,3,4,5,6;"
                + "2024-01-02;2027-01-01;N-1;hand-made\n";
        Http.Response answer = http.at("/api/registers/pages-hds/snapshots?publishedAt=2024-06-01T00:00:00Z")
                .editor()
                .postBytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        hdsHost = http.get("/api/registers/pages-hds/entries?q=" + hdsEntry + "&awaitPosition="
                        + answer.json().get("positionTo").asLong())
                .json()
                .get("items")
                .get(0)
                .get("hostId")
                .asText();
    }

    private Imported importFedramp(SharedRegisters.Published snapshot) {
        Http.Response answer = http.at("/api/registers/pages-fedramp/snapshots?publishedAt=" + snapshot.publishedAt())
                .editor()
                .postBytes(snapshot.bytes(), "application/json")
                .send();
        assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
        JsonNode json = answer.json();
        return new Imported(
                snapshot,
                Instant.parse(json.get("recordedAt").asText()),
                json.get("entries").asInt(),
                json.get("positionTo").asLong());
    }

    private String await() {
        return "&awaitPosition=" + Math.max(second.position(), first.position());
    }

    @Test
    void theRegistersPageShowsEachRegisterItsPublisherLatestSnapshotAndCounts() {
        String page = PagesTest.html(pages.get("/registers?awaitPosition=" + second.position()), 200);

        String row = Html.element(page, "tr", "register-pages-fedramp");
        assertThat(Html.text(row))
                .contains(
                        "FedRAMP for the pages (tests)",
                        "HostLedger page tests",
                        "FEDRAMP",
                        second.snapshot().publishedAt().toString(),
                        Integer.toString(second.entries()));
        assertThat(Html.hrefs(row)).contains("/registers/pages-fedramp", "https://marketplace.fedramp.gov/");
        // Two snapshots imported; the built-in registers are listed too, with none.
        assertThat(row).contains("<td>2</td>");
        assertThat(Html.hasId(page, "register-fedramp")).isTrue();
    }

    @Test
    void theRegisterPageShowsTheEntriesOnADateAsKnownThenAsTheReadDoes() {
        for (Imported snapshot : List.of(first, second)) {
            JsonNode read = http.get("/api/registers/pages-fedramp/entries?" + snapshot.at() + "&size=50")
                    .json();
            String page =
                    PagesTest.html(pages.get("/registers/pages-fedramp?" + snapshot.at() + "&size=50" + await()), 200);
            assertThat(Html.text(Html.first(page, "caption")))
                    .contains("(" + number(read.get("totalItems").asLong()) + ")");
            assertThat(read.get("items")).hasSize(50);
            for (JsonNode entry : read.get("items")) {
                String row = Html.text(
                        Html.element(page, "tr", "entry-" + entry.get("entryId").asText()));
                assertThat(row).contains(entry.get("entryId").asText());
                for (String field : List.of("status", "level", "name")) {
                    if (entry.hasNonNull(field)) {
                        assertThat(row)
                                .as(field)
                                .contains(Html.text(escape(entry.get(field).asText())));
                    }
                }
                assertThat(row).contains(entry.get("listed").asBoolean() ? "yes" : "no");
            }
        }
    }

    @Test
    void aStatusChangeShowsItsBeforeOnTheFirstDateAndItsAfterOnTheSecond() {
        // Every change the second snapshot showed, whatever its effective date.
        JsonNode changes = http.get("/api/registers/pages-fedramp/changes?sha256="
                        + second.snapshot().sha256() + "&size=200")
                .json()
                .get("items");
        JsonNode status = null;
        for (JsonNode change : changes) {
            if (change.get("kind").asText().equals("STATUS")
                    && change.hasNonNull("before")
                    && change.hasNonNull("after")) {
                status = change;
                break;
            }
        }
        assertThat(status).as("a status change between the two snapshots").isNotNull();
        String entry = status.get("entryId").asText();
        String before =
                PagesTest.html(pages.get("/registers/pages-fedramp?" + first.at() + "&q=" + entry + await()), 200);
        assertThat(Html.text(Html.element(before, "tr", "entry-" + entry)))
                .contains(status.get("before").asText());
        String after =
                PagesTest.html(pages.get("/registers/pages-fedramp?" + second.at() + "&q=" + entry + await()), 200);
        assertThat(Html.text(Html.element(after, "tr", "entry-" + entry)))
                .contains(status.get("after").asText());
    }

    @Test
    void theFiltersSelectWhatTheReadSelects() {
        String authorized = "FedRAMP Authorized";
        JsonNode read = http.get("/api/registers/pages-fedramp/entries?" + second.at() + "&status="
                        + URLEncoder.encode(authorized, StandardCharsets.UTF_8) + "&size=200")
                .json();
        String page = PagesTest.html(
                pages.get("/registers/pages-fedramp?" + second.at() + "&status="
                        + URLEncoder.encode(authorized, StandardCharsets.UTF_8) + "&size=200" + await()),
                200);
        long total = read.get("totalItems").asLong();
        assertThat(total).isPositive();
        assertThat(Html.text(Html.first(page, "caption"))).contains("(" + number(total) + ")");
        assertThat(Html.count(Html.first(page, "tbody"), "<tr "))
                .isEqualTo(read.get("items").size());
        assertThat(page).contains("name=\"status\" value=\"FedRAMP Authorized\"");

        JsonNode any = read.get("items").get(0);
        String name = any.get("name").asText();
        String part = name.substring(0, Math.min(6, name.length())).toUpperCase(java.util.Locale.ROOT);
        String found = PagesTest.html(
                pages.get("/registers/pages-fedramp?" + second.at() + "&q="
                        + URLEncoder.encode(part, StandardCharsets.UTF_8) + await()),
                200);
        assertThat(Html.hasId(found, "entry-" + any.get("entryId").asText())).isTrue();
        PagesTest.html(pages.get("/registers/pages-fedramp?q=" + "x".repeat(201)), 400);
    }

    @Test
    void whatChangedBetweenTwoDatesIsTheChangesRead() {
        String between = "from=" + first.date() + "&to=" + second.date();
        JsonNode read = http.get("/api/registers/pages-fedramp/changes?" + between + "&size=50")
                .json();
        String page = PagesTest.html(pages.get("/registers/pages-fedramp?" + between + await()), 200);
        String changes = Html.element(page, "section", "what-changed");
        long total = read.get("totalItems").asLong();
        assertThat(total).isPositive();
        assertThat(Html.text(Html.first(changes, "caption"))).contains("(" + number(total) + ")");
        for (JsonNode change : read.get("items")) {
            String entry = change.get("entryId").asText();
            String row = Html.element(
                    changes,
                    "tr",
                    "change-" + change.get("position").asLong() + "-" + entry + "-"
                            + change.get("kind").asText());
            assertThat(Html.hrefs(row)).contains("/registers/pages-fedramp?q=" + entry);
            if (change.hasNonNull("after")) {
                assertThat(Html.text(row))
                        .contains(Html.text(escape(change.get("after").asText())));
            }
        }
        assertThat(page).contains("value=\"" + first.date() + "\"", "value=\"" + second.date() + "\"");
        PagesTest.html(pages.get("/registers/pages-fedramp?from=2024-02-01&to=2024-01-01"), 400);
    }

    @Test
    void theDownloadsAreTheRestCsvAndTheFollowLinkIsTheRegistersFeed() {
        String page = PagesTest.html(pages.get("/registers/pages-fedramp?" + second.at() + "&size=10" + await()), 200);
        List<String> links = Html.hrefs(page);
        String entriesCsv = links.stream()
                .filter(l -> l.startsWith("/registers/pages-fedramp/entries.csv"))
                .findFirst()
                .orElseThrow();
        String changesCsv = links.stream()
                .filter(l -> l.startsWith("/registers/pages-fedramp/changes.csv"))
                .findFirst()
                .orElseThrow();
        assertThat(links).contains("/api/feeds/changes.atom?register=pages-fedramp");

        HttpResponse<String> csv = pages.get(entriesCsv);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type")).get().asString().startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition"))
                .get()
                .asString()
                .contains("attachment");
        Http.Response rest = http.at("/api/registers/pages-fedramp/entries?" + second.at() + "&size=10")
                .header("Accept", "text/csv")
                .send();
        assertThat(csv.body()).isEqualTo(rest.body());
        assertThat(csv.body().lines()).hasSize(11);

        HttpResponse<String> changes = pages.get(changesCsv);
        assertThat(changes.statusCode()).isEqualTo(200);
        assertThat(changes.body().lines().findFirst()).get().asString().startsWith("entryId,kind");

        Http.Response feed = http.get("/api/feeds/changes.atom?register=pages-fedramp");
        assertThat(feed.status()).isEqualTo(200);
        assertThat(feed.body()).contains("register=pages-fedramp", "<entry>");
    }

    @Test
    void anEntryWithACertificateLeadsToTheCertificatesTimeline() {
        String certificate = "pages-hds-" + hdsEntry;
        String page = PagesTest.html(pages.get("/registers/pages-hds?asOf=2024-07-01" + await()), 200);
        String row = Html.element(page, "tr", "entry-" + hdsEntry);
        assertThat(Html.hrefs(row)).contains("/certifications/" + certificate + "?asOf=2024-07-01");
        HttpResponse<String> timeline = pages.get("/certifications/" + certificate + "?asOf=2024-07-01");
        assertThat(timeline.statusCode()).isEqualTo(302);
        assertThat(timeline.headers().firstValue("Location"))
                .get()
                .asString()
                .endsWith("/hosts/" + hdsHost + "?asOf=2024-07-01#certificate-" + certificate);
    }

    @Test
    void theRegisterPagesSpeakFrenchAndAnUnknownRegisterIsNotFound() {
        PageClient french = new PageClient(port).language("fr");
        assertThat(Html.text(PagesTest.html(french.get("/registers" + "?awaitPosition=" + second.position()), 200)))
                .contains("Registres officiels", "Instantanés importés");
        assertThat(Html.text(PagesTest.html(french.get("/registers/pages-fedramp?" + second.at() + await()), 200)))
                .contains("Ce qui a changé entre deux dates", "Suivre ce registre (flux Atom)", "Filtrer les entrées");
        PagesTest.html(pages.get("/registers/no-such-register"), 404);
    }

    /** A count as the captions write it in English (MessageFormat: 1,234). */
    private static String number(long count) {
        return String.format(java.util.Locale.ENGLISH, "%,d", count);
    }

    /** Text as the page writes it: HTML-escaped, which {@link Html#text} then reads back. */
    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
