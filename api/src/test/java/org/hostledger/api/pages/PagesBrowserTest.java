package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The pages as a person uses them, in a real headless Chromium walking the demo history. Needs Chromium and
 * chromedriver (Debian: {@code apt-get install chromium chromium-driver}); runs only in the Maven profile
 * {@code browser}. Each test leaves a screenshot under {@code target/screenshots}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesBrowserTest extends IntegrationTest {

    private static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private ChromeDriverService service;
    private WebDriver browser;
    private Path profile;

    @BeforeAll
    void startBrowser() throws IOException {
        profile = Files.createTempDirectory("hostledger-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(setting("CHROMIUM_BIN", "/usr/bin/chromium"));
        // The machine has no network: without the background-networking switches Chromium keeps dialling out.
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--lang=en-US",
                "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "en-US,en"));
        // An explicit driver and browser: Selenium Manager, which would try to download them, is never asked.
        service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(setting("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    void stopBrowser() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
        deleteTree(profile);
    }

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

    private String url(String path) {
        return "http://localhost:" + port + path;
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

    private void waitFor(org.openqa.selenium.support.ui.ExpectedCondition<?> condition) {
        new WebDriverWait(browser, PATIENCE).until(condition);
    }

    /**
     * The whole page, not only the window: the window grows to the page's height first, plus what the browser's own
     * frame takes from a window's size.
     */
    private void screenshot(String name) {
        long height = (Long) ((JavascriptExecutor) browser)
                .executeScript(
                        "return document.documentElement.scrollHeight + window.outerHeight - window.innerHeight");
        browser.manage().window().setSize(new Dimension(1280, (int) Math.min(Math.max(height, 600), 6000)));
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        try {
            Files.copy(shot, SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.manage().window().setSize(new Dimension(1280, 1000));
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
