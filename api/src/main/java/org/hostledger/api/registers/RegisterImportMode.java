package org.hostledger.api.registers;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.hostledger.api.application.registers.RegisterImporter;
import org.hostledger.api.application.registers.SnapshotImport;
import org.hostledger.api.application.registers.SnapshotRefused;
import org.hostledger.api.application.registers.SnapshotUnreadable;
import org.hostledger.core.rule.LedgerRejection;
import org.springframework.stereotype.Component;

/**
 * {@code --import=<register> FILE…}: imports snapshot files in publication order — the instant in each file's name
 * ({@code 2023-02-15T19-42-00Z.json.gz}), or {@code --published-at} for a single file — printing one progress line
 * a file, and stops at the first refused file. Files ending in {@code .gz} are read through gzip.
 */
@Component
public class RegisterImportMode {

    public static final String IMPORT = "import";
    public static final String PUBLISHED_AT = "published-at";
    static final String ACTOR = "command-line";

    private static final Pattern INSTANT_NAME =
            Pattern.compile("(\\d{4}-\\d{2}-\\d{2})T(\\d{2})-(\\d{2})-(\\d{2}(?:\\.\\d+)?)Z");

    private final RegisterImporter importer;

    public RegisterImportMode(RegisterImporter importer) {
        this.importer = importer;
    }

    private record Snapshot(Path file, Instant publishedAt) {}

    /** Imports the files; the exit code: 0 when every file is imported (or was already), 1 at the first refusal. */
    public int importFiles(String register, List<String> files, String publishedAt, PrintStream out) {
        try {
            importer.register(register);
        } catch (SnapshotRefused e) {
            out.println("refused: " + e.getMessage());
            return 1;
        }
        if (files.isEmpty()) {
            out.println("refused: name the snapshot files to import after --import=" + register);
            return 1;
        }
        if (publishedAt != null && files.size() != 1) {
            out.println("refused: --published-at names the publication of one file, not of " + files.size());
            return 1;
        }
        List<Snapshot> snapshots = new ArrayList<>();
        for (String name : files) {
            Path file = Path.of(name);
            try {
                snapshots.add(
                        new Snapshot(file, publishedAt != null ? Instant.parse(publishedAt) : publicationOf(file)));
            } catch (DateTimeParseException | IllegalArgumentException e) {
                out.println("refused " + file + ": " + e.getMessage());
                return 1;
            }
        }
        snapshots.sort(Comparator.comparing(Snapshot::publishedAt));
        int n = 0;
        for (Snapshot snapshot : snapshots) {
            n++;
            String prefix = "[" + n + "/" + snapshots.size() + "] "
                    + snapshot.file().getFileName() + " (" + snapshot.publishedAt() + "): ";
            long started = System.nanoTime();
            try {
                // Only the last file waits for the views: the others leave them catching up while the next is read.
                SnapshotImport result = importer.importSnapshot(
                        register, read(snapshot.file()), snapshot.publishedAt(), null, ACTOR, n == snapshots.size());
                long millis = (System.nanoTime() - started) / 1_000_000;
                out.println(prefix
                        + (result.duplicate()
                                ? "already imported (sha256 " + result.sha256() + ")"
                                : result.entries() + " entries, changes " + result.changes() + ", "
                                        + result.findings() + " findings, positions " + result.positionFrom() + "-"
                                        + result.positionTo() + ", " + millis + " ms"));
            } catch (SnapshotUnreadable | SnapshotRefused | LedgerRejection e) {
                out.println(prefix + "refused: " + e.getMessage());
                return 1;
            } catch (IOException e) {
                out.println(prefix + "refused: cannot read the file: " + reason(e));
                return 1;
            }
        }
        out.println("imported " + snapshots.size() + " snapshot(s) of " + register);
        return 0;
    }

    /** The publication instant a file's name carries, as the shared series names them. */
    static Instant publicationOf(Path file) {
        Matcher m = INSTANT_NAME.matcher(file.getFileName().toString());
        if (!m.find()) {
            throw new IllegalArgumentException(
                    "no publication instant in the file name (YYYY-MM-DDTHH-MM-SSZ); give --published-at");
        }
        return Instant.parse(m.group(1) + "T" + m.group(2) + ":" + m.group(3) + ":" + m.group(4) + "Z");
    }

    /** What went wrong reading a file; the JDK's end-of-file exceptions often carry no message. */
    static String reason(IOException e) {
        if (e instanceof java.io.EOFException && e.getMessage() == null) {
            return "it ends too early (an empty or truncated gzip file)";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static byte[] read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            InputStream body = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in) : in;
            return body.readAllBytes();
        }
    }
}
