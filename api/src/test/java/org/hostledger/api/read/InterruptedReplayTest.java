package org.hostledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.hostledger.api.IntegrationTest;
import org.hostledger.store.processing.ProjectionProgress;
import org.hostledger.store.processing.ProjectionReplays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A rebuild commits its replay tokens before it clears the tables (which on H2 commits at once). Killed in between,
 * a node restarts with the previous build's rows under tokens that say "replay from the first event": its processor
 * alone would insert every row again over them and fail for ever; the rebuild starts again instead.
 */
class InterruptedReplayTest extends IntegrationTest {

    private static final String PROJECTION = "registry";

    @Autowired
    ProjectionProgress progress;

    @Autowired
    ProjectionReplays replays;

    @Autowired
    ApplicationContext app;

    @Test
    void aRebuildKilledBeforeItClearedTheTablesStartsAgainWithTheApplication() throws Exception {
        String host = id("ir");
        String cert = id("ic");
        registerHost(host, "FR", null, null);
        String position = grant(cert, host, "[1,2,3]", "2019-01-01", "2022-01-01");
        read("/api/hosts/" + host, position);
        Map<String, String> fingerprint = readModelFingerprint();

        // What a kill between the rebuild's two transactions leaves: its replay tokens, the previous build's rows.
        StreamingEventProcessor processor = KilledRebuild.in(app).leave(PROJECTION);
        // The restart: processors start, then the application is ready.
        processor.start();
        replays.resumeInterrupted();

        awaitRebuilt();
        assertThat(readModelFingerprint()).isEqualTo(fingerprint);
    }

    /**
     * Restarted before the claims of the node killed during its rebuild timed out, a node finds the segments held as
     * if by a running node: it tries again until they time out, then rebuilds (found in a rehearsal of {@code
     * CrashRecoveryIT}, where the restart gave up at once and the views stayed refused).
     */
    @Test
    void aRebuildKilledWhileItsNodeHeldTheSegmentsStartsAgainOnceTheirClaimsTimeOut() throws Exception {
        String host = id("ik");
        registerHost(host, "FR", null, null);
        String position = grant(id("kc"), host, "[1,2,3]", "2019-01-01", "2022-01-01");
        read("/api/hosts/" + host, position);
        Map<String, String> fingerprint = readModelFingerprint();

        StreamingEventProcessor processor = KilledRebuild.in(app).leave(PROJECTION);
        // The killed node's claims, taken just before it died.
        assertThat(jdbc.update(
                        "UPDATE token_entry SET owner = 'killed-node', claimed_at = ? WHERE processor_name = ?",
                        Instant.now().toString(),
                        PROJECTION))
                .isPositive();
        processor.start();
        replays.resumeInterrupted();

        awaitRebuilt();
        assertThat(readModelFingerprint()).isEqualTo(fingerprint);
    }

    private void awaitRebuilt() throws InterruptedException {
        for (int attempt = 0; attempt < 300; attempt++) {
            ProjectionProgress.Status status = progress.statuses().stream()
                    .filter(s -> s.name().equals(PROJECTION))
                    .findFirst()
                    .orElseThrow();
            if (!status.replaying() && status.position() >= status.head() && status.running()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the projection " + PROJECTION + " was not rebuilt: " + progress.statuses());
    }
}
