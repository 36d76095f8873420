package org.hostledger.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.hostledger.api.Http;

/** The list views of a running application, read whole, and a fresh replay of its projections. */
final class Views {

    private Views() {}

    /** Every page of every list view, once the projections reached {@code head}. */
    static String read(Http http, long head) {
        StringBuilder all = new StringBuilder();
        for (String list : List.of("/api/hosts", "/api/certifications", "/api/decisions")) {
            for (int page = 0; ; page++) {
                Http.Response response = http.get(list + "?size=200&page=" + page + "&awaitPosition=" + head);
                assertThat(response.header("X-Ledger-Position-Reached")).isEqualTo("true");
                JsonNode json = response.json();
                all.append(json.get("items").toString()).append('\n');
                if ((long) (page + 1) * 200 >= json.get("totalItems").asLong()) {
                    break;
                }
            }
        }
        return all.toString();
    }

    /** Rebuilds the projections behind the list views from the first event. */
    static void replay(Http admin) {
        for (String projection : List.of("registry", "hosting-map")) {
            assertThat(admin.at("/api/admin/projections/" + projection + "/replay")
                            .as("admin", LedgerProcess.ADMIN_PASSWORD)
                            .post("")
                            .send()
                            .status())
                    .isEqualTo(202);
        }
    }

    /**
     * Reads the views at {@code head}, checks that they list each of the hosts, rebuilds the projections and checks
     * that the rebuilt views are the same; answers the views.
     */
    static String assertEqualToAReplay(Http http, long head, List<String> hostIds, String when) {
        String views = read(http, head);
        for (String id : hostIds) {
            assertThat(views).as(when).contains("\"id\":\"" + id + "\"");
        }
        replay(http);
        assertThat(read(http, head))
                .as("views " + when + " equal a fresh replay")
                .isEqualTo(views);
        return views;
    }

    /** The chain's verdict from {@code /api/audit/verify}, asserted intact. */
    static JsonNode verifiedIntact(Http http) {
        JsonNode verdict = http.at("/api/audit/verify")
                .as("admin", LedgerProcess.ADMIN_PASSWORD)
                .send()
                .json();
        assertThat(verdict.get("intact").asBoolean()).as(verdict.toString()).isTrue();
        return verdict;
    }

    /** Asserts that each of the hosts is recorded, with its one registration event. */
    static void assertRecorded(Http http, List<String> hostIds) {
        for (String id : hostIds) {
            Http.Response history = http.at("/api/hosts/" + id + "/history")
                    .as("admin", LedgerProcess.ADMIN_PASSWORD)
                    .send();
            assertThat(history.status()).as("acknowledged " + id).isEqualTo(200);
            assertThat(history.json().get("events")).hasSize(1);
        }
    }
}
