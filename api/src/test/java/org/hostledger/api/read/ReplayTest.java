package org.hostledger.api.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.projections.support.ProjectionBatch;
import org.hostledger.store.processing.AfterBulkReplay;
import org.junit.jupiter.api.Test;

/** Records a history over HTTP, reads every view, replays every projection, and finds every read table unchanged. */
class ReplayTest extends IntegrationTest {

    @Test
    void replayedViewsEqualTheIncrementallyBuiltOnesRowForRow() throws Exception {
        String h = id("ph");
        String h2 = id("ph");
        String c = id("pc");
        String d = id("pd");
        registerHost(h, "FR", null, null);
        registerHost(h2, "DE", null, null);
        grant(c, h, "[1,2,3]", "2018-06-01", "2021-06-01");
        decide(d, h, "[1,2,3]", "2019-01-01");
        String lifecycle = "{\"effectiveOn\":\"%s\",\"reason\":\"r\",\"sources\":" + sources() + "}";
        post("/api/certifications/" + c + "/suspensions", lifecycle.formatted("2019-05-01"));
        post("/api/certifications/" + c + "/reinstatements", lifecycle.formatted("2019-06-01"));
        post(
                "/api/certifications/" + c + "/renewals",
                "{\"validUntil\":\"2024-06-01\",\"effectiveOn\":\"2021-05-01\"," + "\"sources\":" + sources() + "}");
        post(
                "/api/hosts/" + h + "/ownership-changes",
                "{\"parentCompany\":\"Far Away Corp\",\"parentCountry\":\"CN\","
                        + "\"effectiveOn\":\"2022-01-01\",\"reason\":\"sold\",\"sources\":" + sources() + "}");
        post(
                "/api/decisions/" + d + "/migration-plans",
                "{\"targetHostId\":\"" + h2 + "\",\"targetDate\":\"2025-01-01\","
                        + "\"effectiveOn\":\"2023-01-01\",\"rationale\":\"sovereignty\",\"sources\":" + sources()
                        + "}");
        post(
                "/api/decisions/" + d + "/challenges",
                "{\"by\":\"An MP\",\"effectiveOn\":\"2020-02-01\",\"argument\":\"a\"," + "\"sources\":" + sources()
                        + "}");
        post(
                "/api/decisions/" + d + "/corrections",
                "{\"decidedOn\":\"2018-12-01\",\"reason\":\"earlier\"," + "\"sources\":" + sources() + "}");
        Http.Response last = post(
                "/api/decisions/" + d + "/endings",
                "{\"effectiveOn\":\"2024-12-31\",\"reason\":\"moved\"," + "\"sources\":" + sources() + "}");
        assertThat(last.status()).isEqualTo(201);
        // A register imported twice: listings, a change, a delisting, findings and snapshots to rebuild.
        String product = "{\"id\":\"%s\",\"csp\":\"Acme\",\"cso\":\"Cloud\",\"status\":\"%s\","
                + "\"impact_level\":\"Li-SaaS\",\"auth_date\":\"2019-03-04T04:00:00.000Z\"}";
        String register = "/api/registers/replay-test/snapshots?publishedAt=";
        assertThat(post(
                                register + "2024-01-01T00:00:00Z",
                                "{\"data\":{\"Products\":[" + product.formatted("P1", "FedRAMP In Process") + ","
                                        + product.formatted("P2", "FedRAMP Ready") + "]}}")
                        .status())
                .isEqualTo(201);
        Http.Response imported = post(
                register + "2024-02-01T00:00:00Z",
                "{\"data\":{\"Products\":[" + product.formatted("P1", "FedRAMP Authorized") + "]}}");
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String position = imported.header("X-Ledger-Position");

        for (String view : List.of(
                "/api/hosts",
                "/api/certifications",
                "/api/decisions",
                "/api/compliance/alerts",
                "/api/stats/sovereignty",
                "/api/decisions/" + d,
                "/api/hosts/" + h,
                "/api/certifications/" + c,
                "/api/registers/replay-test/entries?asOf=2024-01-15",
                "/api/registers/replay-test/changes")) {
            read(view, position);
        }
        JsonNode before = read("/api/decisions/" + d + "?asOf=2023-06-01", position);
        assertThat(before.get("status").asText()).isEqualTo("MIGRATING");
        assertThat(before.get("exposure").asText()).isEqualTo("NON_EU");
        Map<String, String> fingerprint = readModelFingerprint();

        for (String projection : List.of("registry", "hosting-map", "registers", "offerings")) {
            Http.Response replay = http.at("/api/admin/projections/" + projection + "/replay")
                    .admin()
                    .post("")
                    .send();
            assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        }
        awaitReplays();
        JsonNode after = read("/api/decisions/" + d + "?asOf=2023-06-01", Long.toString(head()));
        assertThat(after).isEqualTo(before);
        assertThat(readModelFingerprint()).isEqualTo(fingerprint);

        // Every projection again, from one read of the store feeding them all.
        Http.Response all =
                http.at("/api/admin/projections/all/replay").admin().post("").send();
        assertThat(all.status()).as(all.toString()).isEqualTo(202);
        awaitReplays();
        assertThat(read("/api/decisions/" + d + "?asOf=2023-06-01", Long.toString(head())))
                .isEqualTo(before);
        assertThat(readModelFingerprint()).isEqualTo(fingerprint);
        // The rebuild counted once at its end, in stripe 0 (live batches spread their counts over stripes).
        for (String counts : List.of("rm_decision_count", "rm_host_count", "rm_cert_count")) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + counts + " WHERE stripe <> 0", Long.class))
                    .as(counts)
                    .isZero();
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + counts, Long.class))
                    .as(counts)
                    .isPositive();
        }
        // The projections read the marker of a bulk replay's batches by a name of their own.
        assertThat(ProjectionBatch.BULK_REPLAY).isEqualTo(AfterBulkReplay.RESOURCE);

        JsonNode status = http.at("/api/admin/projections").admin().send().json();
        assertThat(status.findValuesAsText("name"))
                .containsExactly("hosting-map", "offerings", "registers", "registry", "watch");
        for (JsonNode processor : status) {
            assertThat(processor.get("replaying").asBoolean()).isFalse();
            assertThat(processor.get("percent").asDouble()).isEqualTo(100.0);
            assertThat(processor.get("position").asLong())
                    .isEqualTo(processor.get("head").asLong());
        }
    }

    /**
     * Axon's shared event producer keeps every event it reads in memory until it catches up with the store; at a
     * million events it exhausted the heap. Processors read private streams instead: that producer never starts.
     */
    @Test
    void noSharedEventProducerRunsWhileProjectionsFollowAndReplay() {
        String host = id("np");
        String position = registerHost(host, "FR", null, null);
        read("/api/hosts/" + host, position);
        assertThat(http.at("/api/admin/projections/registry/replay")
                        .admin()
                        .post("")
                        .send()
                        .status())
                .isEqualTo(202);
        read("/api/hosts/" + host, Long.toString(head()));
        assertThat(Thread.getAllStackTraces().keySet())
                .extracting(Thread::getName)
                .noneMatch(name -> name.startsWith("EmbeddedEventStore"));
    }

    @Test
    void replayingAnUnknownProjectionIs404AndNeedsAdmin() {
        assertThat(http.at("/api/admin/projections/nope/replay")
                        .admin()
                        .post("")
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.at("/api/admin/projections/registry/replay")
                        .editor()
                        .post("")
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.at("/api/admin/projections").send().status()).isEqualTo(401);
    }
}
