package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The pages as a person uses them, in a real headless Chromium walking the demo history. Each test leaves a
 * screenshot under {@code target/screenshots}.
 */
class PagesBrowserTest extends BrowserTest {

    @BeforeEach
    void anonymous() {
        browser.get(url("/login"));
        browser.manage().deleteAllCookies();
    }

    @Test
    void theMapShowsTheHealthDataHubOnMicrosoftAzureMarkedNonEu() {
        browser.get(url("/?awaitPosition=36"));
        WebElement row = browser.findElement(By.id("decision-hdh-azure"));
        assertThat(row.getText()).contains("Health Data Hub", "Microsoft (Azure)");
        assertThat(row.findElement(By.cssSelector(".badge-non-eu")).getText()).isEqualTo("NON_EU");
        assertThat(browser.findElement(By.id("count-non-eu")).getText()).isNotEqualTo("0");
        screenshot("map");
    }

    @Test
    void theHealthDataHubPageShowsTheUgapRouteGroupeOpenAndTheSenateChallengeFirst() {
        browser.get(url("/?awaitPosition=36"));
        browser.findElement(By.id("decision-hdh-azure"))
                .findElement(By.tagName("a"))
                .click();
        waitFor(ExpectedConditions.urlContains("/decisions/hdh-azure"));
        assertThat(browser.findElement(By.id("procurement")).getText()).isEqualTo("Central purchasing body");
        assertThat(browser.findElement(By.id("rationale")).getText()).contains("UGAP");
        assertThat(browser.findElement(By.id("contractor")).getText()).isEqualTo("Groupe Open");
        String first = browser.findElement(By.cssSelector("#timeline > li:first-child"))
                .getText();
        assertThat(first).contains("27 May 2020", "Challenge", "Morin-Desailly", "Sénat");
        List<WebElement> activities = browser.findElements(By.cssSelector("#compliance tbody tr"));
        assertThat(activities).hasSize(6);
        screenshot("decision-hdh-azure");
    }

    @Test
    void onTheFirstOfJune2019TheMapHasNoHealthDataHubDecision() {
        browser.get(url("/?awaitPosition=36"));
        assertThat(browser.findElements(By.id("decision-hdh-azure"))).hasSize(1);
        WebElement date = browser.findElement(By.id("asOf"));
        date.click();
        // The date field of an en-US browser takes month, day and year, in that order.
        date.sendKeys("06012019");
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        waitFor(ExpectedConditions.urlContains("asOf=2019-06-01"));
        assertThat(browser.findElements(By.id("decision-hdh-azure"))).isEmpty();
        assertThat(browser.findElement(By.cssSelector("p.asked")).getText()).contains("1 June 2019");
        screenshot("map-2019-06-01");
    }

    @Test
    void theOvhPageShowsItsCertificateWithSixActivityFlags() {
        browser.get(url("/hosts/ovh?awaitPosition=36"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).contains("OVH");
        List<WebElement> flags = browser.findElements(By.cssSelector("#certificate-ovh-hds td.flag"));
        assertThat(flags).hasSize(6);
        assertThat(browser.findElements(By.cssSelector("#certificate-ovh-hds td.flag.on")))
                .hasSize(6);
        WebElement timeline = browser.findElement(By.id("certificate-timeline"));
        assertThat(timeline.isDisplayed()).isTrue();
        assertThat(timeline.getSize().getWidth()).isGreaterThan(400);
        screenshot("host-ovh");
    }

    @Test
    void anAuditorLogsInAndSeesTheIntegrityBadge() {
        browser.get(url("/audit"));
        waitFor(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("auditor");
        browser.findElement(By.id("password")).sendKeys("auditor-pass", Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("/audit"));
        WebElement badge = browser.findElement(By.id("integrity"));
        assertThat(badge.getText()).contains("Chain intact", "36 events checked");
        assertThat(browser.findElements(By.cssSelector("#events tbody tr"))).isNotEmpty();
        assertThat(browser.findElement(By.cssSelector("header .session")).getText())
                .contains("auditor", "Log out");
        screenshot("audit");
    }

    @Test
    void theFirstTabStopSkipsToTheContent() {
        browser.get(url("/?awaitPosition=36"));
        browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        WebElement focused = browser.switchTo().activeElement();
        assertThat(focused.getAttribute("class")).isEqualTo("skip");
        focused.sendKeys(Keys.ENTER);
        waitFor(ExpectedConditions.urlContains("#main"));
        screenshot("skip-link");
    }

    @Test
    void theOvhPagesFollowLinkOpensItsAtomFeedInChromium() {
        browser.get(url("/hosts/ovh?awaitPosition=36"));
        browser.findElement(By.id("follow")).click();
        waitFor(d -> d.getCurrentUrl().contains("/api/feeds/changes.atom?hostId=ovh"));
        String shown = browser.findElement(By.tagName("body")).getText();
        assertThat(shown).contains("<feed xmlns=\"http://www.w3.org/2005/Atom\"", "HostRegistered — Host ovh");
        screenshot("feed-ovh");
    }
}
