package org.hostledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/** Idempotent retries, and optimistic concurrency with ETag and If-Match. */
class IdempotencyAndConcurrencyControlTest extends IntegrationTest {

    private Http.Response postWithKey(String path, String key, String body) {
        return http.at(path).editor().header("Idempotency-Key", key).post(body).send();
    }

    private static String hostBody(String id) {
        return "{\"id\":\"" + id + "\",\"name\":\"Retried\",\"country\":\"FR\",\"effectiveOn\":\"2020-01-01\","
                + "\"sources\":[{\"title\":\"t\"}]}";
    }

    @Test
    void theSamePostSentThreeTimesWithOneKeyRecordsOneEventAndAnswersTheSame() {
        String id = id("idem");
        String key = "key-" + id;
        long before = eventCount();
        Http.Response first = postWithKey("/api/hosts", key, hostBody(id));
        Http.Response second = postWithKey("/api/hosts", key, hostBody(id));
        // The same JSON with its keys in another order and other spacing is the same request.
        Http.Response third = postWithKey(
                "/api/hosts",
                key,
                "{ \"sources\":[{\"title\":\"t\"}], \"effectiveOn\":\"2020-01-01\", \"country\":\"FR\","
                        + " \"name\":\"Retried\", \"id\":\"" + id + "\" }");
        assertThat(eventCount()).isEqualTo(before + 1);
        assertThat(first.status()).isEqualTo(201);
        for (Http.Response retry : List.of(second, third)) {
            assertThat(retry.status()).isEqualTo(201);
            assertThat(retry.body()).isEqualTo(first.body());
            assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
            assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(retry.header("X-Ledger-Position")).isEqualTo(first.header("X-Ledger-Position"));
            assertThat(retry.header("Idempotency-Replayed")).isEqualTo("true");
        }
        assertThat(first.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void theSameKeyWithAnotherBodyIs422AndRecordsNothing() {
        String id = id("idem");
        String key = "key-" + id;
        assertThat(postWithKey("/api/hosts", key, hostBody(id)).status()).isEqualTo(201);
        long before = eventCount();
        Http.Response other = postWithKey("/api/hosts", key, hostBody(id + "-other"));
        assertThat(other.status()).isEqualTo(422);
        assertThat(other.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void keysBelongToTheirUser() {
        String id = id("idem");
        String key = "shared-" + id;
        assertThat(postWithKey("/api/hosts", key, hostBody(id)).status()).isEqualTo(201);
        Http.Response byAdmin = http.at("/api/hosts")
                .admin()
                .header("Idempotency-Key", key)
                .post(hostBody(id + "-admin"))
                .send();
        assertThat(byAdmin.status()).isEqualTo(201);
        assertThat(byAdmin.header("Idempotency-Replayed")).isNull();
    }

    @Test
    void aRefusedCommandIsNotRememberedSoItsRetryIsJudgedAgain() {
        String id = id("idem");
        String key = "key-" + id;
        String body = "{\"effectiveOn\":\"2025-01-01\",\"reason\":\"r\",\"sources\":[{\"title\":\"t\"}]}";
        registerHost(id, "FR", null, null);
        grant(id + "-c", id, "[1]", "2024-01-01", "2026-01-01");
        assertThat(postWithKey("/api/certifications/" + id + "-c/reinstatements", key, body)
                        .status())
                .isEqualTo(409);
        assertThat(postWithKey("/api/certifications/" + id + "-c/reinstatements", key, body)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void concurrentRetriesWithOneKeyRecordOnce() throws Exception {
        String id = id("idem");
        String key = "race-" + id;
        long before = eventCount();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Http.Response>> sends = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                sends.add(() -> new Http(port)
                        .at("/api/hosts")
                        .editor()
                        .header("Idempotency-Key", key)
                        .post(hostBody(id))
                        .send());
            }
            List<Http.Response> responses = new ArrayList<>();
            for (Future<Http.Response> future : pool.invokeAll(sends)) {
                responses.add(future.get());
            }
            assertThat(responses)
                    .allSatisfy(r -> assertThat(r.status()).as(r.toString()).isEqualTo(201));
            assertThat(responses)
                    .extracting(Http.Response::body)
                    .containsOnly(responses.get(0).body());
        } finally {
            pool.shutdownNow();
        }
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    @Test
    void aReadOfOneRecordGivesItsVersionAsETagAndAStaleIfMatchIs412() {
        String h = id("etag");
        String c = id("etag");
        registerHost(h, "FR", null, null);
        String position = grant(c, h, "[1,2]", "2024-01-01", "2026-01-01");
        Http.Response read = http.get("/api/certifications/" + c + "?awaitPosition=" + position);
        assertThat(read.header("ETag")).isEqualTo("\"0\"");
        String body = "{\"effectiveOn\":\"2025-01-01\",\"reason\":\"r\",\"sources\":[{\"title\":\"t\"}]}";
        Http.Response suspended = http.at("/api/certifications/" + c + "/suspensions")
                .editor()
                .header("If-Match", read.header("ETag"))
                .post(body)
                .send();
        assertThat(suspended.status()).isEqualTo(201);
        assertThat(suspended.header("ETag")).isEqualTo("\"1\"");
        long before = eventCount();
        Http.Response stale = http.at("/api/certifications/" + c + "/reinstatements")
                .editor()
                .header("If-Match", read.header("ETag"))
                .post(body)
                .send();
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
        Http.Response fresh = http.at("/api/certifications/" + c + "/reinstatements")
                .editor()
                .header("If-Match", suspended.header("ETag"))
                .post(body)
                .send();
        assertThat(fresh.status()).isEqualTo(201);
        Http.Response future = http.at("/api/certifications/" + c + "/suspensions")
                .editor()
                .header("If-Match", "\"99\"")
                .post(body)
                .send();
        assertThat(future.status()).isEqualTo(412);
    }
}
