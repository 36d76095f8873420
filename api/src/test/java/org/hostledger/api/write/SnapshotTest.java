package org.hostledger.api.write;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.hostledger.api.Http;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * A long-lived record is snapshotted every {@code hostledger.snapshot-threshold} events, and — with no cache to hide
 * behind — later commands are judged on the state rebuilt from that snapshot.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"hostledger.aggregate-cache=false", "hostledger.snapshot-threshold=20"})
@ActiveProfiles("test")
class SnapshotTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aLongLivedRecordIsSnapshottedAndStillJudgedRightly() throws Exception {
        Http http = new Http(port);
        String challenge =
                "{\"by\":\"x\",\"effectiveOn\":\"2021-01-01\",\"argument\":\"a\",\"sources\":[{\"title\":\"t\"}]}";
        for (int i = 0; i < 45; i++) {
            assertThat(http.at("/api/decisions/hdh-azure/challenges")
                            .editor()
                            .post(challenge)
                            .send()
                            .status())
                    .isEqualTo(201);
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        Long snapshots = 0L;
        while (System.nanoTime() < deadline) {
            snapshots = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = 'hdh-azure'", Long.class);
            if (snapshots > 0) {
                break;
            }
            Thread.sleep(100);
        }
        assertThat(snapshots).as("the snapshotter stored a snapshot").isPositive();
        String type = jdbc.queryForObject(
                "SELECT payload_type FROM snapshot_event_entry WHERE aggregate_identifier = 'hdh-azure'", String.class);
        assertThat(type).isEqualTo("org.hostledger.commands.decision.HostingDecision");

        assertThat(http.at("/api/decisions/hdh-azure/endings")
                        .editor()
                        .post("{\"effectiveOn\":\"2026-12-31\",\"reason\":\"moved\",\"sources\":[{\"title\":\"t\"}]}")
                        .send()
                        .status())
                .isEqualTo(201);
        // Only a state rebuilt correctly from the snapshot and the events after it knows the decision ended.
        Http.Response late = http.at("/api/decisions/hdh-azure/challenges")
                .editor()
                .post(challenge.replace("2021-01-01", "2027-01-01"))
                .send();
        assertThat(late.status()).isEqualTo(409);
        assertThat(late.json().get("detail").asText()).contains("ended on 2026-12-31");
        Http.Response early = http.at("/api/decisions/hdh-azure/challenges")
                .editor()
                .post(challenge.replace("2021-01-01", "2019-01-01"))
                .send();
        assertThat(early.status()).as("the decision date survives the snapshot").isEqualTo(409);
    }
}
