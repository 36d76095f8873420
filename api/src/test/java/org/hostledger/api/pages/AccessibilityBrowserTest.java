package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Every page and every state of every editor form (empty, with errors, after submit) checked by Deque's axe-core at
 * WCAG 2.1 AA, in a real Chromium, in English and in French: zero violations. Each check's result is written under
 * {@code target/axe} (one JSON file a page) and summed up in the test's output; each page leaves a screenshot in both
 * languages under {@code target/screenshots}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessibilityBrowserTest extends BrowserTest {

    static final Path AXE = Axe.RESULTS;

    private String host;
    private String certificate;
    private String decision;

    @BeforeAll
    void recordsToEditAndAnEditorSignedIn() throws IOException {
        Files.createDirectories(AXE);
        http = new org.hostledger.api.Http(port);
        host = id("yh");
        registerHost(host, "FR", null, null);
        certificate = id("yc");
        grant(certificate, host, "[1,2]", "2021-01-01", "2024-01-01");
        decision = id("yd");
        read("/api/decisions/" + decision, decide(decision, host, "[1]", "2020-02-01"));
        // admin holds every role: the pages show the editing links and the audit trail.
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("admin");
        browser.findElement(By.id("password")).sendKeys("admin-pass", Keys.ENTER);
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    @Order(1)
    void everyPageHasNoViolationInEnglishOrFrench() {
        List<String> pages = List.of(
                "/",
                "/decisions/hdh-azure",
                "/hosts/ovh",
                "/hosts/" + host,
                "/hosts",
                "/certifications",
                "/audit",
                "/?asOf=2019-06-01",
                "/hosts/no-such-host");
        for (String language : List.of("en", "fr")) {
            language(language);
            for (String page : pages) {
                String name = name(page) + "-" + language;
                browser.get(url(page + (page.contains("?") ? "&" : "?") + "awaitPosition=" + head()));
                checkAccessibility(name);
                screenshot(name);
            }
        }
        language("en");
    }

    @Test
    @Order(2)
    void everyFormIsAccessibleEmptyWithErrorsAndAfterSubmitting() {
        String[][] forms = {
            {"/edit/hosts/new", "name", "A host typed in"},
            {"/edit/hosts/" + host + "/ownership-change", "reason", "Bought"},
            {"/edit/certifications/new", "certifier", "A certifier"},
            {"/edit/certifications/" + certificate + "/suspension", "reason", "Audit failed"},
            {"/edit/certifications/" + certificate + "/reinstatement", "reason", "Audit passed"},
            {"/edit/certifications/" + certificate + "/renewal", "validUntil", "2026-12-01"},
            {"/edit/certifications/" + certificate + "/scope-change", "reason", "Scope"},
            {"/edit/certifications/" + certificate + "/correction", "reason", "Wrong certifier"},
            {"/edit/certifications/" + certificate + "/withdrawal", "reason", "Withdrawn"},
            {"/edit/decisions/new", "system", "A system"},
            {"/edit/decisions/" + decision + "/challenge", "by", "A senator"},
            {"/edit/decisions/" + decision + "/migration-plan", "target", "A French cloud"},
            {"/edit/decisions/" + decision + "/correction", "reason", "Wrong"},
            {"/edit/decisions/" + decision + "/ending", "reason", "Ended"},
            {"/edit/hosts/" + host + "/correction", "reason", "Misspelt"}
        };
        for (String language : List.of("en", "fr")) {
            language(language);
            for (String[] form : forms) {
                String name = name(form[0]) + "-" + language;
                browser.get(url(form[0]));
                checkAccessibility(name + "-empty");
                screenshot(name + "-empty");
                clearEverything();
                browser.findElement(By.id("submit")).click();
                waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
                checkAccessibility(name + "-errors");
                screenshot(name + "-errors");
            }
        }
        language("en");
        fill("/edit/hosts/" + host + "/ownership-change", "reason", "Bought by a parent");
        type("parentCompany", "A parent");
        type("parentCountry", "US");
        submitAndCheck("after-submit-ownership-change");
        fill("/edit/certifications/" + certificate + "/suspension", "reason", "Audit failed");
        submitAndCheck("after-submit-suspension");
        fill("/edit/decisions/" + decision + "/challenge", "by", "A senator");
        type("argument", "Sovereignty");
        submitAndCheck("after-submit-challenge");
    }

    /** A whole correction with the keyboard only: from the host's page to the corrected record. */
    @Test
    @Order(3)
    void aCorrectionCanBeMadeWithTheKeyboardAlone() {
        browser.get(url("/hosts/" + host + "?awaitPosition=" + head()));
        WebElement link = tabTo(e -> "Correct a host".equals(e.getText()));
        link.sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/correction"));
        WebElement name = tabTo(e -> "name".equals(e.getAttribute("id")));
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), "Corrected with the keyboard");
        tabTo(e -> "reason".equals(e.getAttribute("id"))).sendKeys("The name was misspelt");
        tabTo(e -> "sources-0-title".equals(e.getAttribute("id"))).sendKeys("A letter from the host");
        WebElement url = tabTo(e -> "sources-0-url".equals(e.getAttribute("id")));
        url.sendKeys("https://example.org/letter");
        screenshot("keyboard-correction-filled");
        // Enter in a field sends the form with its first button: recording, not adding a source row.
        url.sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(browser.getCurrentUrl()).contains("/hosts/" + host);
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Corrected with the keyboard");
        assertThat(browser.findElement(By.id("corrections")).getText()).contains("The name was misspelt");
        checkAccessibility("keyboard-correction-done");
        screenshot("keyboard-correction-done");
    }

    private WebElement tabTo(java.util.function.Predicate<WebElement> wanted) {
        for (int tabs = 0; tabs < 80; tabs++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
            WebElement focused = browser.switchTo().activeElement();
            if (wanted.test(focused)) {
                return focused;
            }
        }
        throw new AssertionError("no such element reached with Tab");
    }

    private void fill(String path, String field, String value) {
        browser.get(url(path));
        type(field, value);
        type("effectiveOn", "");
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.getElementById('effectiveOn').value = '2021-06-01'");
        type("sources-0-title", "A source");
    }

    private void type(String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        if (!text.isEmpty()) {
            field.sendKeys(text);
        }
    }

    private void submitAndCheck(String name) {
        browser.findElement(By.id("submit")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        checkAccessibility(name);
        screenshot(name);
    }

    /** Empties every text field, so that each required one must complain. */
    private void clearEverything() {
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "document.querySelectorAll('#editor-form input[type=text], #editor-form input[type=date],"
                                + " #editor-form textarea').forEach(e => e.value = '');"
                                + "document.querySelectorAll('#editor-form input[type=checkbox]').forEach(e => e.checked = false);");
    }

    /** Runs axe-core on the page as it is now; writes its result; fails on any violation. */
    private void checkAccessibility(String name) {
        Axe.check(browser, name);
    }

    /** A file name for a page: its path, with this run's record ids named by their role. */
    private String name(String path) {
        String name = path.replace(host, "host")
                .replace(certificate, "certificate")
                .replace(decision, "decision")
                .replaceAll("^/", "")
                .replaceAll("[^A-Za-z0-9]+", "-")
                .replaceAll("-+$", "");
        return name.isEmpty() ? "map" : name;
    }
}
