package org.hostledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Sixteen writers fire 2,000 conflicting lifecycle changes at 20 certificates — half of them with If-Match — and
 * retry on 412 and on concurrent-change 409s. Afterwards: every acknowledged write is in the store exactly once at
 * the version it was acknowledged with, sequences are gap-free, the chain verifies, and the projections equal a
 * fresh replay.
 */
class ConcurrentWritersTest extends IntegrationTest {

    private static final int THREADS = 16;
    private static final int COMMANDS = 2000;
    private static final int RECORDS = 20;
    private static final String BODY =
            "{\"effectiveOn\":\"2019-06-01\",\"reason\":\"race %d\",\"sources\":[{\"title\":\"t\"}]}";

    record Ack(String certificationId, long version, String eventType) {}

    @Test
    void noAcknowledgedWriteIsLostOrDoubledAndViewsEqualAReplay() throws Exception {
        String host = id("race");
        registerHost(host, "FR", null, null);
        List<String> certs = new ArrayList<>();
        for (int i = 0; i < RECORDS; i++) {
            String cert = id("race-c");
            grant(cert, host, "[1,2,3,4,5,6]", "2018-06-01", "2021-06-01");
            certs.add(cert);
        }
        List<Ack> acks = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        AtomicInteger sequence = new AtomicInteger();
        // What each writer believes a record's version is: the last version any write answered, as a client that
        // keeps the ETags it receives.
        Map<String, Long> versions = new ConcurrentHashMap<>();
        certs.forEach(cert -> versions.put(cert, 0L));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                long seed = t;
                writers.add(pool.submit(() -> {
                    Random random = new Random(seed);
                    Http client = new Http(port);
                    for (int n = sequence.getAndIncrement(); n < COMMANDS; n = sequence.getAndIncrement()) {
                        String cert = certs.get(random.nextInt(RECORDS));
                        String outcome =
                                write(client, cert, random.nextInt(3), random.nextBoolean(), n, acks, versions);
                        outcomes.computeIfAbsent(outcome, k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes.keySet()).as(outcomes.toString()).doesNotContain("unexpected");
        assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum())
                .isEqualTo(COMMANDS);
        assertThat(acks).as(outcomes.toString()).hasSizeGreaterThan(COMMANDS / 4);

        for (String cert : certs) {
            List<Long> sequences = jdbc.queryForList(
                    "SELECT sequence_number FROM domain_event_entry WHERE aggregate_identifier = ? ORDER BY sequence_number",
                    Long.class,
                    cert);
            for (int i = 0; i < sequences.size(); i++) {
                assertThat(sequences.get(i)).as("gap-free sequence of " + cert).isEqualTo(i);
            }
        }
        for (Ack ack : acks) {
            List<String> types = jdbc.queryForList(
                    "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                    String.class,
                    ack.certificationId(),
                    ack.version());
            assertThat(types).as(ack.toString()).containsExactly("org.hostledger.core.event." + ack.eventType());
        }
        long lifecycleEvents = jdbc.queryForObject(
                "SELECT COUNT(*) FROM domain_event_entry WHERE aggregate_identifier IN (" + "?,".repeat(RECORDS - 1)
                        + "?) AND sequence_number > 0",
                Long.class,
                certs.toArray());
        assertThat(lifecycleEvents).as("every event was acknowledged once").isEqualTo(acks.size());

        assertThat(http.at("/api/audit/verify")
                        .auditor()
                        .send()
                        .json()
                        .get("intact")
                        .asBoolean())
                .isTrue();
        String head = Long.toString(head());
        JsonNode before = read("/api/certifications?hostId=" + host + "&size=200", head);
        Map<String, String> fingerprint = readModelFingerprint();
        assertThat(http.at("/api/admin/projections/registry/replay")
                        .admin()
                        .post("")
                        .send()
                        .status())
                .isEqualTo(202);
        assertThat(read("/api/certifications?hostId=" + host + "&size=200", head))
                .isEqualTo(before);
        assertThat(readModelFingerprint()).isEqualTo(fingerprint);
    }

    /** One command, retried on 412 and on lost races; answers how it ended. */
    private static String write(
            Http client,
            String cert,
            int kind,
            boolean withIfMatch,
            int n,
            List<Ack> acks,
            Map<String, Long> versions) {
        String path =
                switch (kind) {
                    case 0 -> "/suspensions";
                    case 1 -> "/reinstatements";
                    default -> "/scope-changes";
                };
        String type =
                switch (kind) {
                    case 0 -> "CertificationSuspended";
                    case 1 -> "CertificationReinstated";
                    default -> "CertificationScopeChanged";
                };
        String body = kind == 2
                ? "{\"activities\":" + (n % 2 == 0 ? "[1,2,3]" : "[1,2,3,4,5,6]")
                        + ",\"effectiveOn\":\"2019-06-01\",\"reason\":\"race\",\"sources\":[{\"title\":\"t\"}]}"
                : BODY.formatted(n);
        for (int attempt = 0; attempt < 20; attempt++) {
            Http.Request request =
                    client.at("/api/certifications/" + cert + path).editor();
            if (withIfMatch) {
                request.header("If-Match", "\"" + versions.get(cert) + "\"");
            }
            Http.Response response = request.post(body).send();
            if (response.status() == 201) {
                long version = response.json().get("version").asLong();
                acks.add(new Ack(cert, version, type));
                versions.merge(cert, version, Math::max);
                return "acknowledged";
            }
            if (response.status() == 412) {
                versions.merge(cert, response.json().get("currentVersion").asLong(), Math::max);
                continue;
            }
            if (response.status() == 409) {
                if (response.json().get("title").asText().equals("Concurrent change")) {
                    continue;
                }
                return "refused by a rule";
            }
            return "unexpected";
        }
        return "gave up";
    }
}
