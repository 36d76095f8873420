package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The chain behind an offering, drawn server-side on the decision and host pages, in English and French. */
class ChainPagesTest extends IntegrationTest {

    private static final String MAP = "product,actor,role,hds_certified,activities,req29_access_from_outside_eea,"
            + "req29_countries,req29_legal_basis,req30_exposed_to_non_eu_law,req30_countries,exemption_ground,host_id\n"
            + "Pages DB,Pages Cloud,host,yes,\"1,2,3\",no,,,no,,,pages-cloud\n"
            + "Pages DB,Far Support,subcontractor,exempted,\"4,5,6\",yes,US,standard contractual clauses (art. 46),"
            + "yes,US,works under the host's control,\n";

    @Test
    void theDecisionAndHostPagesDrawTheChain() {
        registerHost("pages-cloud", "FR", null, null);
        Http.Response imported = http.at("/api/registers/maps-pages/snapshots?publishedAt=2024-05-14T00:00:00Z")
                .editor()
                .postBytes(MAP.getBytes(StandardCharsets.UTF_8), "text/csv")
                .send();
        assertThat(imported.status()).as(imported.toString()).isEqualTo(201);
        String body = "{\"id\":\"pages-decision\",\"controller\":\"CHU Pages\",\"system\":\"DPI\","
                + "\"hostId\":\"pages-cloud\",\"offeringId\":\"pages-cloud-pages-db\",\"activities\":[1,2,3,4,5,6],"
                + "\"decidedOn\":\"2024-06-01\",\"procurement\":\"PUBLIC_TENDER\",\"rationale\":\"Managed\","
                + "\"sources\":" + sources() + "}";
        Http.Response decided = http.at("/api/decisions").editor().post(body).send();
        assertThat(decided.status()).as(decided.toString()).isEqualTo(201);
        String position = decided.header("X-Ledger-Position");

        PageClient pages = new PageClient(port);
        String page =
                PagesTest.html(pages.get("/decisions/pages-decision?asOf=2024-06-01&awaitPosition=" + position), 200);
        String svg = Html.element(page, "svg", "chain-diagram");
        assertThat(Html.text(svg))
                .contains(
                        "Pages Cloud — host",
                        "Far Support — subcontractor",
                        "exempted from HDS · activities 4–6",
                        "access from US under art. 46 safeguards · exposed to US law",
                        "no access from outside the EEA · not exposed to non-EU law");
        assertThat(svg).contains("chain-exposing").contains("<line");
        assertThat(Html.text(Html.element(page, "ul", "exposure-reasons")))
                .contains(
                        "Far Support, subcontractor for activities 4–6: access from US under GDPR art. 46 safeguards");

        pages.language("fr-FR,fr;q=0.9");
        String fr = PagesTest.html(pages.get("/decisions/pages-decision?asOf=2024-06-01"), 200);
        assertThat(Html.text(Html.element(fr, "svg", "chain-diagram")))
                .contains(
                        "Far Support — sous-traitant",
                        "exempté de certification HDS · activités 4–6",
                        "accès depuis US avec garanties de l’art. 46 RGPD");

        String host = PagesTest.html(pages.get("/hosts/pages-cloud?asOf=2024-06-01"), 200);
        assertThat(Html.hasId(host, "chain-pages-cloud-pages-db")).isTrue();
        assertThat(Html.text(host)).contains("La chaîne derrière Pages DB");
    }
}
