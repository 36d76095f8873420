package org.hostledger.bench;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run that a later section could not finish is refused before its first section. */
class BenchmarkPreflightTest {

    @TempDir
    Path dir;

    @Test
    void aRunOutsideTheRepositoryIsRefusedAtOnceUnlessItLeavesTheRegisterSectionOut() {
        Path elsewhere = dir.resolve("elsewhere");
        assertThatThrownBy(() -> Benchmark.preflight(Benchmark.Options.parse(new String[] {"--quick"}), elsewhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shared/registers/fedramp not found above " + elsewhere)
                .hasMessageContaining("--skip=registers");
        assertThatCode(() -> Benchmark.preflight(
                        Benchmark.Options.parse(new String[] {"--quick", "--skip=registers"}), elsewhere))
                .doesNotThrowAnyException();
    }

    @Test
    void theSeriesIsFoundInADirectoryAboveTheOneTheRunStartsIn() throws Exception {
        Path series = Files.createDirectories(dir.resolve("shared/registers/fedramp"));
        for (String name : new String[] {
            "2023-02-01T00-00-00Z.json.gz", "2023-03-01T00-00-00Z.json.gz", "2023-04-01T00-00-00Z.json.gz"
        }) {
            Files.write(series.resolve(name), new byte[0]);
        }
        Path below = Files.createDirectories(dir.resolve("checkout/bench"));
        assertThatCode(() -> Benchmark.preflight(Benchmark.Options.parse(new String[] {"--quick"}), below))
                .doesNotThrowAnyException();
    }
}
