package org.hostledger.api.pages;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The subscription page in a real Chromium, checked by axe-core (WCAG 2.1 AA) in English and French in each of its
 * states: the prefilled form, the form with errors, a subscription just made (with its secret), paused, its
 * delivery log with a delivered notification, and the list.
 */
class SubscriptionPageBrowserTest extends BrowserTest {

    private HttpServer receiver;

    @BeforeAll
    void signedInWithAReceiver() throws IOException {
        http = new org.hostledger.api.Http(port);
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        browser.get(url("/login"));
        browser.findElement(By.id("username")).sendKeys("editor");
        browser.findElement(By.id("password")).sendKeys("editor-pass", Keys.ENTER);
        waitFor(ExpectedConditions.not(ExpectedConditions.urlContains("/login")));
    }

    @AfterAll
    void stopReceiver() {
        receiver.stop(0);
    }

    private void check(String name) {
        Axe.check(browser, name);
        screenshot(name);
    }

    /** Pause or resume, and wait for the page it leads to. */
    private void toggle() {
        WebElement button = browser.findElement(By.id("toggle"));
        button.click();
        waitForGone(button);
        waitFor(ExpectedConditions.presenceOfElementLocated(By.id("done")));
    }

    private void type(String id, String text) {
        browser.findElement(By.id(id)).clear();
        browser.findElement(By.id(id)).sendKeys(text);
    }

    @Test
    void everyStateOfTheSubscriptionPageHasNoViolationInEnglishOrFrench() {
        for (String language : java.util.List.of("en", "fr")) {
            language(language);
            String host = id("axe-watched");
            browser.get(url("/subscriptions?hostId=" + host));
            check("subscriptions-form-" + language);

            type("webhook", "http://hooks.invalid/x");
            type("eventTypes", "lower-case");
            browser.findElement(By.id("subscribe")).click();
            waitFor(ExpectedConditions.presenceOfElementLocated(By.id("error-summary")));
            check("subscriptions-errors-" + language);

            type("eventTypes", "");
            type("webhook", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
            browser.findElement(By.id("subscribe")).click();
            waitFor(ExpectedConditions.presenceOfElementLocated(By.id("secret")));
            check("subscription-made-" + language);

            toggle();
            check("subscription-paused-" + language);
            toggle();

            registerHost(host, "FR", null, null);
            String page = browser.getCurrentUrl().replaceAll("\\?.*$", "");
            waitFor(driver -> {
                driver.get(page);
                return !driver.findElements(By.id("deliveries")).isEmpty();
            });
            check("subscription-log-" + language);

            browser.get(url("/subscriptions"));
            check("subscriptions-list-" + language);
        }
        language("en");
    }
}
