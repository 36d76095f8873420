package org.hostledger.api.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The watch writes a batch of events' changes when the batch commits: a replay of the watch finds what it holds and
 * adds nothing, writes again what was lost, and takes a record's host from an earlier event of the same batch that
 * the store does not hold yet.
 */
class WatchBatchTest extends IntegrationTest {

    private List<Map<String, Object>> changes(long... positions) {
        return jdbc.queryForList(
                "SELECT position, record_id, record_type, event_type, host_id, register_id, effective_on, payload"
                        + " FROM watch_change WHERE position IN (?, ?) ORDER BY position",
                positions[0],
                positions[1]);
    }

    @Test
    void aReplayOfTheWatchWritesAgainWhatWasLostWithItsHostAndAddsNothingElse() throws Exception {
        String host = id("wb");
        registerHost(host, "FR", null, null);
        String cert = id("wbcert");
        long granted = Long.parseLong(grant(cert, host, "[1]", "2020-01-01", "2023-01-01"));
        Http.Response suspended = post(
                "/api/certifications/" + cert + "/suspensions",
                "{\"effectiveOn\":\"2021-03-16\",\"reason\":\"Audit\",\"sources\":" + sources() + "}");
        assertThat(suspended.status()).as(suspended.toString()).isEqualTo(201);
        long suspension = Long.parseLong(suspended.header("X-Ledger-Position"));
        Http.Response feed = http.get("/api/feeds/changes.atom?recordId=" + cert + "&awaitPosition=" + suspension);
        assertThat(feed.status()).as(feed.toString()).isEqualTo(200);

        List<Map<String, Object>> before = changes(granted, suspension);
        assertThat(before)
                .extracting(row -> row.get("HOST_ID") == null ? row.get("host_id") : row.get("HOST_ID"))
                .containsExactly(host, host);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM watch_change", Long.class);

        // Lost: both changes and what the watch knew of the certificate's host. The suspension does not name the
        // host; only the grant, processed again in the same batch and not yet written, does.
        jdbc.update("DELETE FROM watch_change WHERE position IN (?, ?)", granted, suspension);
        jdbc.update("DELETE FROM watch_record_host WHERE record_id = ?", cert);

        Http.Response replay =
                http.at("/api/admin/projections/watch/replay").admin().post("").send();
        assertThat(replay.status()).as(replay.toString()).isEqualTo(202);
        awaitReplays();

        assertThat(changes(granted, suspension)).isEqualTo(before);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM watch_change", Long.class))
                .isEqualTo(rows);
        assertThat(jdbc.queryForList("SELECT host_id FROM watch_record_host WHERE record_id = ?", String.class, cert))
                .containsExactly(host);
    }
}
