package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/** The editor forms in a real Chromium: the messages a person sees, CSRF, and a form sent twice. */
class EditorFormsBrowserTest extends BrowserTest {

    private String decision;

    @BeforeAll
    void aDecisionToChallenge() {
        http = new org.hostledger.api.Http(port);
        String host = id("wh");
        registerHost(host, "FR", null, null);
        decision = id("wd");
        read("/api/decisions/" + decision, decide(decision, host, "[1]", "2020-02-01"));
    }

    @BeforeEach
    void signedInEditor() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
        language("en");
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("editor");
        browser.findElement(By.id("password")).sendKeys("editor-pass", Keys.ENTER);
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @Test
    void eachMissingFieldIsNamedInTheSummaryAndAtTheFieldAndTheSummaryLinksToIt() {
        browser.get(url("/edit/decisions/" + decision + "/challenge"));
        browser.findElement(By.id("submit")).click();
        // The click returns before the answer's page is loaded: wait for it, as the other form tests do.
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
        WebElement summary = browser.findElement(By.id("error-summary"));
        assertThat(summary.getText())
                .contains(
                        "There is a problem",
                        "Challenged by: must not be blank",
                        "Effective on: must not be null",
                        "Argument: must not be blank",
                        "Sources: must not be empty");
        for (String field : List.of("by", "effectiveOn", "argument")) {
            assertThat(browser.findElement(By.id(field + "-error")).isDisplayed())
                    .isTrue();
            assertThat(browser.findElement(By.id(field)).getAttribute("aria-invalid"))
                    .isEqualTo("true");
        }
        summary.findElement(By.linkText("Argument: must not be blank")).click();
        assertThat(browser.getCurrentUrl()).endsWith("#argument");
        screenshot("form-errors-challenge");
    }

    @Test
    void withoutItsCsrfTokenAFormIsRefusedAndNothingIsRecorded() {
        browser.get(url("/edit/decisions/" + decision + "/challenge"));
        fillChallenge("A challenger without a token");
        long before = eventCount();
        ((JavascriptExecutor) browser)
                .executeScript("document.querySelector('#editor-form input[name=_csrf]').remove()");

        browser.findElement(By.id("submit")).click();

        waitFor(ExpectedConditions.textToBePresentInElementLocated(By.tagName("h1"), "Not allowed"));
        assertThat(eventCount()).isEqualTo(before);
        screenshot("form-csrf-refused");
    }

    @Test
    void aFormSentTwiceRecordsOneEvent() {
        browser.get(url("/edit/decisions/" + decision + "/challenge"));
        fillChallenge("A challenger who clicks twice");
        long before = eventCount();

        // Two sends of the very same form, one after the other, as a double click or a retry would make them.
        Object statuses = ((JavascriptExecutor) browser)
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "const form = document.getElementById('editor-form');"
                        + "const send = () => fetch(form.action, {method: 'POST',"
                        + " body: new URLSearchParams(new FormData(form)), redirect: 'manual',"
                        + " credentials: 'same-origin'}).then(r => r.type + ' ' + r.status);"
                        + "send().then(a => send().then(b => done([a, b])));");
        assertThat(statuses).asList().containsExactly("opaqueredirect 0", "opaqueredirect 0");
        assertThat(eventCount()).isEqualTo(before + 1);

        browser.findElement(By.id("submit")).click();
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("recorded")));
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(browser.findElement(By.id("timeline")).getText()).containsOnlyOnce("A challenger who clicks twice");
        screenshot("form-sent-twice");
    }

    private void fillChallenge(String by) {
        browser.findElement(By.id("by")).sendKeys(by);
        ((JavascriptExecutor) browser).executeScript("document.getElementById('effectiveOn').value = '2021-03-01'");
        browser.findElement(By.id("argument")).sendKeys("Sovereignty");
        browser.findElement(By.id("sources-0-title")).sendKeys("A written question");
    }
}
