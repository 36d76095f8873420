package org.hostledger.api.offerings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A decision relies only on an offering of its own host (recorded or corrected, refused otherwise with nothing
 * appended), and an offering's chain is corrected over REST like the other records, with its history.
 */
class OfferingCorrectionTest extends IntegrationTest {

    /** Each test imports its own map into this test register, a day after the previous one. */
    private static final AtomicInteger DAY = new AtomicInteger();

    private static final String HOST_ONLY =
            "{\"actor\":\"%s\",\"hostId\":\"%s\",\"role\":\"HOST\",\"hds\":\"CERTIFIED\","
                    + "\"activities\":[%s],\"accessFromOutsideEea\":false,\"exposedToNonEuLaw\":false}";

    private String hostA;
    private String hostB;
    /** Offering ids by product name. */
    private final Map<String, String> offerings = new HashMap<>();

    private String position;

    @BeforeEach
    void twoHostsAndTheirOfferings() {
        hostA = id("oca");
        hostB = id("ocb");
        registerHost(hostA, "FR", null, null);
        registerHost(hostB, "FR", null, null);
        String publishedAt = "2024-01-%02dT00:00:00Z".formatted(1 + DAY.getAndIncrement());
        offerings.putAll(
                TestTransferMaps.importTwoHosts(http, "maps-corrections", publishedAt, hostA, hostB, this::read));
        position = Long.toString(head());
    }

    private Http.Response decide(String id, String host, String offering) {
        return post(
                "/api/decisions",
                "{\"id\":\"" + id + "\",\"controller\":\"CHU\",\"system\":\"DPI\",\"hostId\":\"" + host + "\","
                        + (offering == null ? "" : "\"offeringId\":\"" + offering + "\",")
                        + "\"activities\":[1,2,3,4,5,6],\"decidedOn\":\"2024-06-01\",\"procurement\":\"PUBLIC_TENDER\","
                        + "\"rationale\":\"Managed database\",\"sources\":" + sources() + "}");
    }

    private Http.Response correctDecision(String id, String fields) {
        return post(
                "/api/decisions/" + id + "/corrections",
                "{" + fields + ",\"reason\":\"The contract names another offering\",\"sources\":" + sources() + "}");
    }

    /** A refusal as problem+json naming {@code field}, with nothing appended. */
    private void assertRefused(Http.Response response, long eventsBefore, int status, String field) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("errors").get(0).get("field").asText())
                .as(response.toString())
                .startsWith(field);
        assertThat(eventCount()).isEqualTo(eventsBefore);
    }

    @Test
    void aDecisionIsRecordedOnlyWithAnOfferingOfItsOwnHost() {
        long events = eventCount();
        Http.Response other = decide(id("ocd"), hostB, offerings.get("Database"));
        assertRefused(other, events, 409, "offeringId");
        assertThat(other.json().get("detail").asText())
                .contains("published by host '" + hostA + "'", "not by the decision's host '" + hostB + "'");
        assertRefused(decide(id("ocd"), hostA, "no-such-offering"), events, 409, "offeringId");
        // A host's id is not an offering.
        assertRefused(decide(id("ocd"), hostA, hostB), events, 409, "offeringId");

        String d = id("ocd");
        Http.Response own = decide(d, hostA, offerings.get("Database"));
        assertThat(own.status()).as(own.toString()).isEqualTo(201);
        JsonNode view = read("/api/decisions/" + d + "?asOf=2024-06-01", own.header("X-Ledger-Position"));
        assertThat(view.get("offering").get("id").asText()).isEqualTo(offerings.get("Database"));
        assertThat(view.get("exposure").asText()).isEqualTo("NON_EU");
    }

    @Test
    void aCorrectionKeepsTheDecisionOnAnOfferingOfItsHost() {
        String d = id("ocd");
        assertThat(decide(d, hostA, offerings.get("Database")).status()).isEqualTo(201);
        long events = eventCount();

        // Moving the decision to host B while keeping host A's offering would give A's chain to B's decision.
        assertRefused(correctDecision(d, "\"hostId\":\"" + hostB + "\""), events, 409, "offeringId");
        // Naming another host's offering, or an unknown one, on the same host.
        assertRefused(
                correctDecision(d, "\"offeringId\":\"" + offerings.get("Compute") + "\""), events, 409, "offeringId");
        assertRefused(correctDecision(d, "\"offeringId\":\"no-such-offering\""), events, 409, "offeringId");
        assertRefused(correctDecision(d, "\"offeringId\":\"Not An Id\""), events, 400, "offeringId");

        Http.Response moved =
                correctDecision(d, "\"hostId\":\"" + hostB + "\",\"offeringId\":\"" + offerings.get("Compute") + "\"");
        assertThat(moved.status()).as(moved.toString()).isEqualTo(201);
        JsonNode view = read("/api/decisions/" + d + "?asOf=2024-06-01", moved.header("X-Ledger-Position"));
        assertThat(view.get("host").get("id").asText()).isEqualTo(hostB);
        assertThat(view.get("offering").get("id").asText()).isEqualTo(offerings.get("Compute"));
        assertThat(view.get("exposure").asText()).isEqualTo("EU");

        // Another offering of the same host, without naming the host.
        events = eventCount();
        assertRefused(
                correctDecision(d, "\"offeringId\":\"" + offerings.get("Storage") + "\""), events, 409, "offeringId");
    }

    private String chainBody(String chain, String reason) {
        return "{\"chain\":" + chain + (reason == null ? "" : ",\"reason\":\"" + reason + "\"") + ",\"sources\":"
                + sources() + "}";
    }

    private Http.Response correctOffering(String offering, String ifMatch, String body) {
        Http.Request request =
                http.at("/api/offerings/" + offering + "/corrections").editor();
        if (ifMatch != null) {
            request = request.header("If-Match", ifMatch);
        }
        return request.post(body).send();
    }

    @Test
    void anOfferingsChainIsCorrectedWithAReasonAndTheVersionItWasReadAt() {
        String storage = offerings.get("Storage");
        String fixed = "[" + HOST_ONLY.formatted("Host " + hostA, hostA, "1,2,3,4,5") + "]";
        long events = eventCount();

        // Invalid requests: 400 naming the field, nothing appended.
        assertRefused(correctOffering(storage, "\"0\"", chainBody(fixed, null)), events, 400, "reason");
        assertRefused(correctOffering(storage, "\"0\"", chainBody("[]", "r")), events, 400, "chain");
        assertRefused(
                correctOffering(
                        storage,
                        "\"0\"",
                        chainBody(
                                "["
                                        + HOST_ONLY
                                                .formatted("Host " + hostA, hostA, "1,7")
                                                .replace(
                                                        "\"accessFromOutsideEea\":false",
                                                        "\"accessFromOutsideEea\":\"no\"")
                                        + "]",
                                "r")),
                events,
                400,
                "chain[0]");
        // A chain the ledger's rules refuse (no host), or one that changes nothing: 409, nothing appended.
        assertRefused(
                correctOffering(
                        storage,
                        "\"0\"",
                        chainBody(
                                "["
                                        + HOST_ONLY
                                                .formatted("Host " + hostA, hostA, "1,2")
                                                .replace("HOST", "SUBCONTRACTOR")
                                        + "]",
                                "r")),
                events,
                409,
                "chain");
        String recorded = read("/api/offerings/" + storage + "?asOf=2024-06-01", position)
                .get("chain")
                .toString();
        Http.Response same = correctOffering(storage, "\"0\"", chainBody(recorded, "r"));
        assertThat(same.status()).as(same.toString()).isEqualTo(409);
        assertThat(eventCount()).isEqualTo(events);
        assertThat(correctOffering("no-such-offering", null, chainBody(fixed, "r"))
                        .status())
                .isEqualTo(404);

        Http.Response corrected = correctOffering(storage, "\"0\"", chainBody(fixed, "Activity 6 was mistyped"));
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        assertThat(corrected.header("ETag")).isEqualTo("\"1\"");
        assertThat(corrected.header("Location")).endsWith("/api/offerings/" + storage);
        assertThat(eventCount()).isEqualTo(events + 1);
        JsonNode view = read("/api/offerings/" + storage + "?asOf=2024-06-01", corrected.header("X-Ledger-Position"));
        assertThat(view.get("chain").get(0).get("activities").toString()).isEqualTo("[1,2,3,4,5]");

        // Written by someone else meanwhile: the version read is stale.
        Http.Response stale = correctOffering(
                storage,
                "\"0\"",
                chainBody("[" + HOST_ONLY.formatted("Host " + hostA, hostA, "1,2,3") + "]", "Another fix"));
        assertThat(stale.status()).as(stale.toString()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(events + 1);

        // The offering's history, for auditors.
        JsonNode history = http.at("/api/offerings/" + storage + "/history")
                .auditor()
                .send()
                .json();
        assertThat(history.get("events").findValuesAsText("type"))
                .containsExactly("OfferingAdded", "OfferingCorrected");
        assertThat(history.get("events").get(1).get("payload").get("reason").asText())
                .isEqualTo("Activity 6 was mistyped");
        assertThat(http.at("/api/offerings/" + storage + "/history")
                        .editor()
                        .send()
                        .status())
                .isEqualTo(403);
        assertThat(http.at("/api/offerings/no-such-offering/history")
                        .auditor()
                        .send()
                        .status())
                .isEqualTo(404);
        assertThat(http.at("/api/offerings/" + hostA + "/history")
                        .auditor()
                        .send()
                        .status())
                .as("a host is not an offering")
                .isEqualTo(404);
    }

    @Test
    void aRetriedCorrectionIsRecordedOnce() {
        String storage = offerings.get("Storage");
        String body = chainBody("[" + HOST_ONLY.formatted("Host " + hostA, hostA, "1,2,3") + "]", "Retried");
        String key = id("key");
        long events = eventCount();
        Http.Response first = http.at("/api/offerings/" + storage + "/corrections")
                .editor()
                .header("Idempotency-Key", key)
                .post(body)
                .send();
        Http.Response again = http.at("/api/offerings/" + storage + "/corrections")
                .editor()
                .header("Idempotency-Key", key)
                .post(body)
                .send();
        assertThat(first.status()).as(first.toString()).isEqualTo(201);
        assertThat(again.status()).as(again.toString()).isEqualTo(201);
        assertThat(again.header("Idempotency-Replayed")).isEqualTo("true");
        assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(eventCount()).isEqualTo(events + 1);
    }
}
