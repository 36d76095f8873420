package org.hostledger.api.offerings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * Hostile transfer maps are refused whole ({@code 400}, the line named, nothing appended), even when the bad row comes
 * after good offerings: a map is never half-imported.
 */
class HostileTransferMapTest extends IntegrationTest {

    private static final String HEADER = "product,actor,role,hds_certified,secnumcloud_3_2,activities,"
            + "req29_access_from_outside_eea,req29_countries,req29_legal_basis,req30_exposed_to_non_eu_law,"
            + "req30_countries,note,under\n";
    private static final String GOOD = "Good Storage,Acme Cloud,host,yes,no,\"1,2,3,4,5,6\",no,,,no,,,\n";
    private static final String DB_HOST = "Managed DB,Acme Cloud,host,yes,no,\"1,2,3\",no,,,no,,,\n";

    private JsonNode refused(String rows, String publishedAt) {
        long before = eventCount();
        byte[] file = (HEADER + GOOD + rows).getBytes(StandardCharsets.UTF_8);
        Http.Response response = http.at("/api/registers/maps-hostile/snapshots?publishedAt=" + publishedAt)
                .editor()
                .postBytes(file, "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(eventCount()).isEqualTo(before);
        return response.json();
    }

    @Test
    void anUnknownActivityIsRefused() {
        JsonNode problem = refused(
                DB_HOST + "Managed DB,Sub Co,subcontractor,yes,no,\"4,7\",no,,,no,,,\n", "2024-05-01T00:00:00Z");
        assertThat(problem.get("detail").asText()).contains("unknown HDS activity 7");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("line 3");
    }

    @Test
    void aWordWhereActivitiesBelongIsRefused() {
        JsonNode problem = refused(
                DB_HOST + "Managed DB,Sub Co,subcontractor,yes,no,\"4,five\",no,,,no,,,\n", "2024-05-02T00:00:00Z");
        assertThat(problem.get("detail").asText()).contains("'five'");
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("line 4");
    }

    @Test
    void aCountryThatIsNotIso3166IsRefused() {
        JsonNode problem = refused(
                DB_HOST
                        + "Managed DB,Sub Co,subcontractor,exempted,no,\"4,5,6\",yes,CA;UK,adequacy decision,no,,"
                        + "\"HDS exemption: under Acme's control\",\n",
                "2024-05-03T00:00:00Z");
        assertThat(problem.get("detail").asText()).contains("'UK' is not an ISO 3166-1 alpha-2 code");
    }

    @Test
    void anExemptionWithoutAGroundIsRefused() {
        JsonNode problem = refused(
                DB_HOST
                        + "Managed DB,Sub Co,subcontractor,exempted,no,\"4,5,6\",no,,,no,,a note that states no ground,\n",
                "2024-05-04T00:00:00Z");
        assertThat(problem.get("detail").asText()).contains("Sub Co: an exemption from HDS needs its stated ground");
    }

    @Test
    void aCycleInTheChainIsRefused() {
        JsonNode problem = refused(
                DB_HOST
                        + "Managed DB,Sub A,subcontractor,yes,no,4,no,,,no,,,Sub B\n"
                        + "Managed DB,Sub B,subcontractor,yes,no,5,no,,,no,,,Sub A\n",
                "2024-05-05T00:00:00Z");
        assertThat(problem.get("detail").asText()).contains("goes round in a circle");
    }

    @Test
    void anAccessWithoutALegalGroundIsRefused() {
        JsonNode problem = refused(
                DB_HOST + "Managed DB,Sub Co,subcontractor,yes,no,4,yes,US,because we can,no,,,\n",
                "2024-05-06T00:00:00Z");
        assertThat(problem.get("detail").asText()).contains("neither an adequacy decision");
    }

    @Test
    void aHostIdThatIsNoLedgerHostIsRefused() {
        long before = eventCount();
        String file = "product,actor,role,hds_certified,activities,req29_access_from_outside_eea,req29_countries,"
                + "req29_legal_basis,req30_exposed_to_non_eu_law,req30_countries,host_id\n"
                + "Edge,Acme Cloud,host,yes,\"1,2\",no,,,no,,no-such-host\n";
        Http.Response response = http.at("/api/registers/maps-hostile/snapshots?publishedAt=2024-05-07T00:00:00Z")
                .editor()
                .postBytes(file.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send();
        assertThat(response.status()).as(response.toString()).isEqualTo(400);
        assertThat(response.json().get("detail").asText()).contains("no-such-host");
        assertThat(eventCount()).isEqualTo(before);
    }
}
