package org.hostledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.store.processing.ProjectionProgress;
import org.hostledger.store.processing.ProjectionReplays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * A half-built view is never served: while a projection's tables hold a part of the history only, reads of the views
 * answer {@code 503} with {@code Retry-After} — on the node that rebuilds and on any other, which knows it from the
 * token table — and the reads that answer from elsewhere (audit trail, verifiable log, administration) go on.
 */
class ViewsRebuildingTest extends IntegrationTest {

    private static final String PROJECTION = "registry";

    @Autowired
    ProjectionProgress progress;

    @Autowired
    ProjectionReplays replays;

    @Autowired
    ApplicationContext app;

    /**
     * What another node rebuilding the registry, or this one killed during a rebuild, leaves in the token table:
     * replay tokens that have not reached their reset point. This node has not started any rebuild: it learns of it
     * from the table alone.
     */
    @Test
    void readsOfTheViewsAreRefusedWhileTheTokenTableSaysARebuildIsUnderWay() throws Exception {
        String host = id("vr");
        registerHost(host, "FR", null, null);
        String position = grant(id("vc"), host, "[1,2,3]", "2019-01-01", "2022-01-01");
        JsonNode before = read("/api/hosts/" + host, position);

        StreamingEventProcessor processor = KilledRebuild.in(app).leave(PROJECTION);
        try {
            Http.Response refused = awaitRefused("/api/hosts/" + host);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            assertThat(refused.json().get("title").asText()).isEqualTo("Views being rebuilt");
            assertThat(refused.json().get("rebuilding").toString()).contains(PROJECTION);
            assertThat(refused.json().get("detail").asText()).contains(PROJECTION, "part of the history");

            // Every view read, whichever projection it reads; the pages too, in the reader's language.
            for (String path : List.of(
                    "/api/hosts",
                    "/api/decisions",
                    "/api/certifications",
                    "/api/compliance/alerts",
                    "/api/stats/sovereignty",
                    "/api/registers")) {
                assertThat(http.get(path).status()).as(path).isEqualTo(503);
            }
            assertThat(http.at("/api/hosts").header("Accept", "text/csv").send().status())
                    .isEqualTo(503);
            Http.Response page =
                    http.at("/hosts/" + host).header("Accept-Language", "fr").send();
            assertThat(page.status()).isEqualTo(503);
            assertThat(page.header("Retry-After")).isEqualTo("5");
            assertThat(page.contentType()).startsWith("text/html");
            assertThat(page.body()).contains("Vues en reconstruction");
            // A write's read-your-writes wait gives up after its bound, then refuses as well.
            assertThat(http.get("/api/hosts/" + host + "?awaitPosition=1").status())
                    .isEqualTo(503);

            // What does not come from the views goes on.
            assertThat(http.at("/api/audit/events").auditor().send().status()).isEqualTo(200);
            assertThat(http.at("/api/hosts/" + host + "/history")
                            .auditor()
                            .send()
                            .status())
                    .isEqualTo(200);
            assertThat(http.get("/api/ledger/checkpoint").status()).isEqualTo(200);
            assertThat(http.at("/api/admin/projections").admin().send().status())
                    .isEqualTo(200);
            // Writes are not refused: they are recorded, and the views hold them once rebuilt.
            registerHost(id("vw"), "FR", null, null);
        } finally {
            processor.start();
            replays.resumeInterrupted();
        }
        awaitReplays();
        Http.Response after = http.get("/api/hosts/" + host);
        assertThat(after.status()).as(after.toString()).isEqualTo(200);
        assertThat(after.json().get("certifications")).isEqualTo(before.get("certifications"));
    }

    /**
     * A real rebuild of every projection, with a reader asking all along: every answer is the whole view as it was,
     * or a refusal — never a part of it.
     */
    @Test
    void aRebuildUnderReadsServesTheWholeViewOrNothing() throws Exception {
        for (int i = 0; i < 20; i++) {
            String host = id("vb");
            registerHost(host, "FR", null, null);
            grant(id("vbc"), host, "[1,2,3]", "2019-01-01", "2022-01-01");
        }
        String last = String.valueOf(head());
        String list = "/api/hosts?size=200";
        String whole = read(list, last).toString();
        Map<String, String> fingerprint = readModelFingerprint();

        AtomicBoolean rebuilding = new AtomicBoolean(true);
        List<String> wrong = new ArrayList<>();
        int[] answers = new int[2];
        Thread reader = new Thread(() -> {
            Http client = new Http(port);
            while (rebuilding.get()) {
                Http.Response response = client.get(list);
                if (response.status() == 200) {
                    answers[0]++;
                    if (!response.json().toString().equals(whole)) {
                        wrong.add(response.body());
                    }
                } else if (response.status() == 503) {
                    answers[1]++;
                } else {
                    wrong.add(response.toString());
                }
            }
        });
        reader.start();
        try {
            assertThat(http.at("/api/admin/projections/all/replay")
                            .admin()
                            .post("")
                            .send()
                            .status())
                    .isEqualTo(202);
            awaitReplays();
        } finally {
            rebuilding.set(false);
            reader.join();
        }
        assertThat(wrong)
                .as("answers that were neither the whole view nor a refusal")
                .isEmpty();
        assertThat(answers[1]).as("refusals while the views were rebuilt").isPositive();
        assertThat(readModelFingerprint()).isEqualTo(fingerprint);
        assertThat(http.get(list).json().toString()).isEqualTo(whole);
    }

    private Http.Response awaitRefused(String path) throws InterruptedException {
        Http.Response response = http.get(path);
        // The token table is read at most every ProjectionProgress.REBUILD_CHECK.
        for (int attempt = 0; attempt < 50 && response.status() != 503; attempt++) {
            Thread.sleep(50);
            response = http.get(path);
        }
        assertThat(response.status()).as(response.toString()).isEqualTo(503);
        return response;
    }
}
