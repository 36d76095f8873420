package org.hostledger.api.admin;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import org.hostledger.api.admin.backup.BackupModes;
import org.hostledger.api.admin.backup.RestoreCheck;
import org.hostledger.api.registers.RegisterImportMode;
import org.hostledger.store.audit.ChainVerifier;
import org.hostledger.store.processing.ProjectionProgress;
import org.hostledger.store.processing.ProjectionReplays;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The operator's one-shot modes: {@code --replay=all} (or a comma-separated list of projections) rebuilds and exits;
 * {@code --verify} checks the hash chain and exits non-zero when it is broken; {@code --import=<register> FILE…}
 * imports register snapshots (see {@link RegisterImportMode}) and exits non-zero at the first refused file;
 * {@code --restore=DIR} verifies what {@link BackupModes} restored ({@code --backup=DIR} never gets this far). Both run without the web server, on a
 * store that no other process has open (H2), or alongside running nodes whose processors are stopped (PostgreSQL).
 */
@Component
@Order(0)
public class CommandLineModes implements ApplicationRunner {

    public static final String REPLAY = "replay";
    public static final String VERIFY = "verify";

    private final ProjectionProgress progress;
    private final ProjectionReplays replays;
    private final ChainVerifier chainVerifier;
    private final ConfigurableApplicationContext context;
    private final RegisterImportMode registerImport;
    private final RestoreCheck restoreCheck;

    public CommandLineModes(
            ProjectionProgress progress,
            ProjectionReplays replays,
            ChainVerifier chainVerifier,
            ConfigurableApplicationContext context,
            RegisterImportMode registerImport,
            RestoreCheck restoreCheck) {
        this.registerImport = registerImport;
        this.restoreCheck = restoreCheck;
        this.progress = progress;
        this.replays = replays;
        this.chainVerifier = chainVerifier;
        this.context = context;
    }

    /** True when the arguments ask for a one-shot mode, which runs without a web server. */
    public static boolean isOneShot(String[] args) {
        for (String arg : args) {
            if (arg.startsWith("--" + REPLAY)
                    || arg.equals("--" + VERIFY)
                    || arg.startsWith("--" + RegisterImportMode.IMPORT + "=")
                    || arg.startsWith("--" + BackupModes.BACKUP + "=")
                    || arg.startsWith("--" + BackupModes.RESTORE + "=")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void run(ApplicationArguments args) throws java.io.IOException {
        Integer code = null;
        if (args.containsOption(REPLAY)) {
            code = replayAll(args.getOptionValues(REPLAY), System.out, Duration.ofHours(12)) ? 0 : 1;
        } else if (args.containsOption(VERIFY)) {
            code = verify(System.out) ? 0 : 2;
        } else if (args.containsOption(RegisterImportMode.IMPORT)) {
            List<String> published = args.getOptionValues(RegisterImportMode.PUBLISHED_AT);
            code = registerImport.importFiles(
                    args.getOptionValues(RegisterImportMode.IMPORT).get(0),
                    args.getNonOptionArgs(),
                    published == null || published.isEmpty() ? null : published.get(0),
                    System.out);
        } else if (args.containsOption(BackupModes.RESTORE)) {
            // BackupModes unpacked the backup before the application opened it; check what it holds.
            code = restoreCheck.check(
                            java.nio.file.Path.of(
                                    args.getOptionValues(BackupModes.RESTORE).get(0)),
                            System.out)
                    ? 0
                    : 2;
        }
        if (code != null) {
            int exit = code;
            System.exit(SpringApplication.exit(context, (ExitCodeGenerator) () -> exit));
        }
    }

    /** Replays the named projections ("all" for every one), printing progress; true once all caught up. */
    public boolean replayAll(List<String> requested, PrintStream out, Duration timeout) {
        List<String> names = new ArrayList<>();
        for (String value : requested == null ? List.<String>of() : requested) {
            for (String name : value.split(",")) {
                if (name.isBlank() || name.equals("all")) {
                    names.addAll(progress.names());
                } else {
                    names.add(name.trim());
                }
            }
        }
        if (names.isEmpty()) {
            names.addAll(progress.names());
        }
        names = names.stream().distinct().toList();
        for (String name : names) {
            if (!progress.names().contains(name)) {
                out.println("unknown projection '" + name + "'; projections are " + progress.names());
                return false;
            }
        }
        long head = progress.head();
        out.println("replaying " + names + " over " + head + " events");
        Future<?> replay = replays.replay(names);
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "";
        while (true) {
            StringBuilder line = new StringBuilder();
            boolean done = true;
            for (ProjectionProgress.Status status : progress.statuses()) {
                if (!names.contains(status.name())) {
                    continue;
                }
                line.append(status.name())
                        .append(' ')
                        .append(status.percent())
                        .append("% (")
                        .append(status.position())
                        .append('/')
                        .append(head)
                        .append(")  ");
                done &= status.position() >= head && !status.replaying();
            }
            String text = line.toString().trim();
            if (!text.equals(last)) {
                out.println(text);
                last = text;
            }
            if (replay.isDone()) {
                // Its end is committed: the views, their counts and the tokens. A failure is told, not hidden.
                try {
                    replay.get();
                } catch (ExecutionException e) {
                    out.println("replay failed: " + e.getCause().getMessage() + " (see the log)");
                    return false;
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
                if (done) {
                    out.println("replay complete");
                    return true;
                }
            }
            if (System.nanoTime() > deadline) {
                out.println("replay did not complete in time");
                return false;
            }
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** Checks the hash chain and prints the verdict; true when intact. */
    public boolean verify(PrintStream out) {
        ChainVerifier.Result result = chainVerifier.verify();
        if (result.intact()) {
            out.println("chain intact: " + result.checked() + " events checked; head " + result.headPosition() + " "
                    + result.headHash());
        } else {
            out.println("chain BROKEN at position " + result.firstBrokenPosition() + " (" + result.checked()
                    + " events read)");
        }
        return result.intact();
    }
}
