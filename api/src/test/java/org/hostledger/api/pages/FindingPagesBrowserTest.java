package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.hostledger.api.Http;
import org.hostledger.api.registers.SharedRegisters;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages that help find things — the registers, what changed, the search — in a real Chromium, checked by
 * axe-core at WCAG 2.1 AA in English and in French, with a screenshot of each; and the search box used as a reader
 * uses it, from the keyboard.
 */
class FindingPagesBrowserTest extends BrowserTest {

    private LocalDate first;
    private LocalDate second;

    @BeforeAll
    void twoSnapshotsOfTheFedrampSeries() throws IOException {
        Files.createDirectories(Axe.RESULTS);
        http = new Http(port);
        List<SharedRegisters.Published> series = SharedRegisters.fedramp();
        for (SharedRegisters.Published snapshot : series.subList(30, 32)) {
            Http.Response answer = http.at(
                            "/api/registers/browser-fedramp/snapshots?publishedAt=" + snapshot.publishedAt())
                    .editor()
                    .postBytes(snapshot.bytes(), "application/json")
                    .send();
            assertThat(answer.status()).as(answer.toString()).isIn(200, 201);
        }
        first = series.get(30).publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
        second = series.get(31).publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Test
    void everyFindingPageHasNoViolationInEnglishOrFrench() {
        String between = "from=" + first + "&to=" + second;
        List<String[]> pages = List.of(
                new String[] {"/registers", "registers"},
                new String[] {"/registers/browser-fedramp?asOf=" + second + "&" + between, "register"},
                new String[] {
                    "/registers/browser-fedramp?asOf=" + second + "&status=FedRAMP%20Authorized&q=a",
                    "register-filtered"
                },
                new String[] {"/registers/no-such-register", "register-unknown"},
                new String[] {"/changes", "changes"},
                new String[] {"/changes?" + between, "changes-register-months"},
                new String[] {"/hosts/ovh/changes?from=2018-01-01&to=2030-12-31", "changes-host"},
                new String[] {"/search", "search-empty"},
                new String[] {"/search?q=ovh", "search-ovh"},
                new String[] {"/search?q=hopital", "search-nothing"});
        for (String language : List.of("en", "fr")) {
            language(language);
            for (String[] page : pages) {
                String name = page[1] + "-" + language;
                browser.get(url(page[0] + (page[0].contains("?") ? "&" : "?") + "awaitPosition=" + head()));
                Axe.check(browser, name);
                screenshot(name);
            }
        }
        language("en");
    }

    @Test
    void theSearchBoxWorksFromTheKeyboard() {
        browser.get(url("/hosts?awaitPosition=" + head()));
        browser.findElement(By.id("site-q")).sendKeys("OVH", Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/search"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Search: OVH");
        assertThat(browser.findElement(By.id("found-hosts")).findElements(By.cssSelector("a[href^='/hosts/ovh']")))
                .isNotEmpty();
        Axe.check(browser, "search-keyboard");
        screenshot("search-keyboard");
    }
}
