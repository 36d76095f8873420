package org.hostledger.api.registers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The real register data beside the repository ({@code shared/registers}), found by walking up from the working
 * directory. Missing data fails the test that needs it: an acceptance test must not pass by skipping.
 */
public final class SharedRegisters {

    private SharedRegisters() {}

    public static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/registers");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("shared/registers not found above "
                + Path.of("").toAbsolutePath() + ": the register data must sit beside the repository");
    }

    /** One line of {@code fedramp/index.tsv}. */
    public record Published(Path file, Instant publishedAt, String sha256, int products) {

        public byte[] bytes() {
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The FedRAMP series in publication order, as its index lists it. */
    public static List<Published> fedramp() {
        Path dir = root().resolve("fedramp");
        try {
            List<Published> series = new ArrayList<>();
            for (String line : Files.readAllLines(dir.resolve("index.tsv"))) {
                String[] columns = line.split("\t");
                if (columns[0].equals("file")) {
                    continue;
                }
                series.add(new Published(
                        dir.resolve(columns[0]), Instant.parse(columns[1]), columns[3], Integer.parseInt(columns[4])));
            }
            if (series.isEmpty()) {
                throw new AssertionError("no snapshot listed in " + dir.resolve("index.tsv"));
            }
            return series;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
