package org.hostledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

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
