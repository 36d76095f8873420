package org.hostledger.api.offerings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BiFunction;
import org.hostledger.api.Http;

/** A small transfer map of two ledger hosts, for tests that need offerings of different hosts. */
public final class TestTransferMaps {

    private TestTransferMaps() {}

    /**
     * Imports, into {@code register} at {@code publishedAt}, a map where host A publishes "Database" (Aiven OY reaches
     * it from CA and GB for activities 4–6) and "Storage", and host B publishes "Compute". Answers the offering ids by
     * product ("Database", "Storage", "Compute"), read through {@code read} (a path and the position to wait for).
     */
    public static Map<String, String> importTwoHosts(
            Http http,
            String register,
            String publishedAt,
            String hostA,
            String hostB,
            BiFunction<String, String, JsonNode> read) {
        String csv = "product,actor,role,hds_certified,activities,req29_access_from_outside_eea,req29_countries,"
                + "req29_legal_basis,req30_exposed_to_non_eu_law,req30_countries,note,host_id\n"
                + "Database " + hostA + ",Host " + hostA + ",host,yes,\"1,2,3,4,5,6\",no,,,no,,," + hostA + "\n"
                + "Database " + hostA + ",Aiven OY,subcontractor,exempted,\"4,5,6\",yes,CA;GB,adequacy decision,yes,"
                + "CA;GB,HDS exemption: no access in clear,\n"
                + "Storage " + hostA + ",Host " + hostA + ",host,yes,\"1,2,3,4,5,6\",no,,,no,,," + hostA + "\n"
                + "Compute " + hostB + ",Host " + hostB + ",host,yes,\"1,2,3,4,5,6\",no,,,no,,," + hostB + "\n";
        Http.Response imported = http.at("/api/registers/" + register + "/snapshots?publishedAt=" + publishedAt)
                .editor()
                .postBytes(csv.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String position = imported.header("X-Ledger-Position");
        Map<String, String> offerings = new HashMap<>();
        for (String host : new String[] {hostA, hostB}) {
            read.apply("/api/hosts/" + host + "/offerings?asOf=2024-06-01", position)
                    .get("items")
                    .forEach(o -> offerings.put(
                            o.get("name").asText().replace(" " + host, ""),
                            o.get("id").asText()));
        }
        assertThat(offerings).containsOnlyKeys("Database", "Storage", "Compute");
        return offerings;
    }
}
