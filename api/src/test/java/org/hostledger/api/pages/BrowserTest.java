package org.hostledger.api.pages;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real headless Chromium on the running application. Needs Chromium and chromedriver (Debian: {@code apt-get
 * install chromium chromium-driver}); runs only in the Maven profile {@code browser}. Screenshots land under
 * {@code target/screenshots}.
 */
@Tag("browser")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest extends IntegrationTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Duration PATIENCE = Duration.ofSeconds(15);

    private ChromeDriverService service;
    protected ChromeDriver browser;
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

    /** The pages' language from now on, as the browser asks it of every request ({@code Accept-Language}). */
    void language(String language) {
        browser.executeCdpCommand("Network.enable", Map.of());
        browser.executeCdpCommand(
                "Network.setExtraHTTPHeaders", Map.of("headers", Map.of("Accept-Language", language)));
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void waitFor(ExpectedCondition<?> condition) {
        new WebDriverWait(browser, PATIENCE).until(condition);
    }

    /**
     * Waits until {@code element}'s document is gone (the page it was on left for another). Selenium's {@code
     * stalenessOf} waits for a stale-element error only; while the new page loads, Chrome may answer instead "Node
     * with given id does not belong to the document" (seen in CI, Chrome 156), which means the same.
     */
    void waitForGone(WebElement element) {
        waitFor(driver -> {
            try {
                element.isEnabled();
                return false;
            } catch (StaleElementReferenceException e) {
                return true;
            } catch (WebDriverException e) {
                if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                    return true;
                }
                throw e;
            }
        });
    }

    /**
     * The whole page, not only the window: the window grows to the page's height first, plus what the browser's own
     * frame takes from a window's size.
     */
    void screenshot(String name) {
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
