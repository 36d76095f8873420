package org.hostledger.api.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hostledger.api.IntegrationTest.eventRows;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.hostledger.api.Http;
import org.hostledger.api.admin.CommandLineModes;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * Rewriting history behind the application's back shows. Each test tampers with its own store, so each gets a fresh
 * application.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hostledger.audit.max-export=1000000")
@ActiveProfiles("test")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class TamperEvidenceTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    CommandLineModes modes;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    private JsonNode verify() {
        return http.at("/api/audit/verify").auditor().send().json();
    }

    @Test
    void anUntouchedStoreIsIntact() {
        JsonNode verdict = verify();
        assertThat(verdict.get("intact").asBoolean()).isTrue();
        assertThat(verdict.get("checked").asLong()).isEqualTo(36);
        assertThat(verifiedByCommandLine()).isTrue();
    }

    @Test
    void anEditedPayloadBreaksTheChainAtThatEvent() {
        byte[] payload =
                jdbc.queryForObject("SELECT payload FROM domain_event_entry WHERE global_index = 30", byte[].class);
        String forged = new String(payload, StandardCharsets.UTF_8).replace("CENTRAL_PURCHASING", "PUBLIC_TENDER");
        assertThat(forged).isNotEqualTo(new String(payload, StandardCharsets.UTF_8));
        jdbc.update("UPDATE " + eventRows() + " SET payload = ? WHERE global_index = 30", (Object)
                forged.getBytes(StandardCharsets.UTF_8));
        JsonNode verdict = verify();
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(30);
        assertThat(verifiedByCommandLine()).isFalse();
    }

    @Test
    void aDeletedEventBreaksTheChainAtItsPosition() {
        jdbc.update("DELETE FROM " + eventRows() + " WHERE global_index = 12");
        JsonNode verdict = verify();
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(12);
    }

    @Test
    void deletingTheLatestEventIsCaughtByTheChainHead() {
        jdbc.update("DELETE FROM " + eventRows() + " WHERE global_index = 36");
        JsonNode verdict = verify();
        assertThat(verdict.get("intact").asBoolean()).isFalse();
        assertThat(verdict.get("firstBrokenPosition").asLong()).isEqualTo(36);
    }

    @Test
    void anEditedRecordedTimeOrActorBreaksTheChain() {
        jdbc.update("UPDATE " + eventRows() + " SET time_stamp = TIMESTAMP WITH TIME ZONE '2019-01-01 00:00:00+00' "
                + "WHERE global_index = 5");
        assertThat(verify().get("firstBrokenPosition").asLong()).isEqualTo(5);
    }

    private boolean verifiedByCommandLine() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean intact = modes.verify(new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(intact ? "chain intact" : "chain BROKEN");
        return intact;
    }
}
