package org.hostledger.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The table and the results file, also when a section fails: the figures taken before it are not lost. */
class BenchmarkReportTest {

    @TempDir
    Path dir;

    private final List<Figure> figures = List.of(
            Figure.atLeast(
                    "command append, 1 client", List.of(900.0, 1000.0, 1100.0), "cmd/s", List.of(2000.0), 0.5, "n"),
            Figure.info("JDBC inserts", List.of(5000.0), "rows/s", "n"));

    private String report(Path out, Throwable failure) throws Exception {
        Benchmark.Options options = Benchmark.Options.parse(new String[] {"--quick", "--out=" + out});
        PrintStream stdout = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            Benchmark.report(options, figures, 1234, failure);
        } finally {
            System.setOut(stdout);
        }
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aFailedSectionStillPrintsAndWritesTheFiguresTakenBeforeIt() throws Exception {
        Path out = dir.resolve("results.json");
        String printed = report(out, new OutOfMemoryError("Java heap space"));

        assertThat(printed)
                .contains("INCOMPLETE RUN: a section failed (java.lang.OutOfMemoryError: Java heap space)")
                .contains("the 2 figures taken before it")
                .contains("| command append, 1 client | 1,000 cmd/s | 900 – 1,100 |")
                .contains("| JDBC inserts |");
        JsonNode results = new ObjectMapper().readTree(out.toFile());
        assertThat(results.get("complete").asBoolean()).isFalse();
        assertThat(results.get("failure").asText()).isEqualTo("java.lang.OutOfMemoryError: Java heap space");
        assertThat(results.get("figures")).hasSize(2);
        assertThat(results.get("events").asLong()).isEqualTo(1234);
    }

    @Test
    void aCompleteRunSaysNothingOfFailure() throws Exception {
        Path out = dir.resolve("complete.json");
        String printed = report(out, null);

        assertThat(printed).doesNotContain("INCOMPLETE").contains("| command append, 1 client |");
        JsonNode results = new ObjectMapper().readTree(out.toFile());
        assertThat(results.get("complete").asBoolean()).isTrue();
        assertThat(results.has("failure")).isFalse();
    }
}
