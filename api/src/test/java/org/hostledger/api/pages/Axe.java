package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Collectors;
import org.openqa.selenium.WebDriver;

/** Deque's axe-core, injected into the page a browser test shows: WCAG 2.1 AA, results under {@code target/axe}. */
final class Axe {

    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    static final Path RESULTS = Path.of("target", "axe");

    private Axe() {}

    /** Runs axe-core on the page as it is now; writes its result; fails on any violation. */
    static void check(WebDriver browser, String name) {
        Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(browser);
        List<Rule> violations = results.getViolations();
        String summary = "axe-core " + results.getTestEngine().getVersion() + " on " + name + " ("
                + browser.getCurrentUrl() + "): " + violations.size() + " violations, "
                + results.getPasses().size() + " rules passed, "
                + results.getIncomplete().size() + " to review";
        System.out.println(summary);
        try {
            Files.createDirectories(RESULTS);
            Files.writeString(
                    RESULTS.resolve(name + ".json"),
                    new com.fasterxml.jackson.databind.ObjectMapper()
                            .writerWithDefaultPrettyPrinter()
                            .writeValueAsString(results),
                    StandardCharsets.UTF_8);
            Files.writeString(
                    RESULTS.resolve("summary.txt"),
                    summary + System.lineSeparator(),
                    StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(violations)
                .as(() -> name + ": "
                        + violations.stream()
                                .map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " at "
                                        + v.getNodes().stream()
                                                .map(n -> String.valueOf(n.getTarget()))
                                                .collect(Collectors.joining(", ")))
                                .collect(Collectors.joining("; ")))
                .isEmpty();
    }
}
