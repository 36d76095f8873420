package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.hostledger.api.offerings.TestTransferMaps;
import org.junit.jupiter.api.Test;

/**
 * The decision forms name an offering as the API does: another host's offering is refused at the field, with nothing
 * recorded; the decision's own offering is shown in its correction form and kept.
 */
class OfferingFormsTest extends IntegrationTest {

    @Test
    void theDecisionFormsAcceptOnlyAnOfferingOfTheDecisionsHost() {
        String hostA = id("ofa");
        String hostB = id("ofb");
        registerHost(hostA, "FR", null, null);
        registerHost(hostB, "FR", null, null);
        Map<String, String> offerings =
                TestTransferMaps.importTwoHosts(http, "maps-forms", "2024-05-14T00:00:00Z", hostA, hostB, this::read);
        PageClient pages = new PageClient(port);
        assertThat(pages.login("editor", "editor-pass").statusCode()).isEqualTo(302);

        // A new decision on host B naming host A's offering.
        String html = PagesTest.html(pages.get("/edit/decisions/new"), 200);
        Map<String, String> values = new LinkedHashMap<>();
        String d = id("ofd");
        values.put("id", d);
        values.put("controller", "CHU");
        values.put("system", "DPI");
        values.put("hostId", hostB);
        values.put("activities", "1,2,3");
        values.put("decidedOn", "2024-06-01");
        values.put("procurement", "PUBLIC_TENDER");
        values.put("rationale", "Managed database");
        values.put("offeringId", offerings.get("Database"));
        long before = eventCount();
        HttpResponse<String> refused = pages.postForm("/edit/decisions/new", EditorFormsTest.body(html, values, true));
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(Html.text(Html.element(refused.body(), "p", "offeringId-error")))
                .contains("published by host '" + hostA + "'", "not by the decision's host '" + hostB + "'");
        assertThat(eventCount()).isEqualTo(before);

        // On host A it is recorded.
        values.put("hostId", hostA);
        HttpResponse<String> recorded = pages.postForm("/edit/decisions/new", EditorFormsTest.body(html, values, true));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
        assertThat(eventCount()).isEqualTo(before + 1);
        read("/api/decisions/" + d, Long.toString(head()));

        // The correction form shows the offering; moving the decision to host B with it is refused at the field.
        String correction = "/edit/decisions/" + d + "/correction";
        String form = PagesTest.html(pages.get(correction), 200);
        assertThat(form).contains("value=\"" + offerings.get("Database") + "\"");
        Map<String, String> change = new LinkedHashMap<>();
        change.put("hostId", hostB);
        change.put("reason", "The contract names host B");
        HttpResponse<String> moved = pages.postForm(correction, EditorFormsTest.body(form, change, true));
        assertThat(moved.statusCode()).isEqualTo(409);
        assertThat(Html.text(Html.element(moved.body(), "p", "offeringId-error")))
                .contains("not by the decision's host '" + hostB + "'");
        assertThat(eventCount()).isEqualTo(before + 1);

        // With host B's offering it is recorded.
        change.put("offeringId", offerings.get("Compute"));
        HttpResponse<String> corrected = pages.postForm(correction, EditorFormsTest.body(form, change, true));
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(302);
        Http.Response view = http.get("/api/decisions/" + d + "?asOf=2024-06-01&awaitPosition=" + head());
        assertThat(view.json().get("offering").get("id").asText()).isEqualTo(offerings.get("Compute"));
        assertThat(view.json().get("host").get("id").asText()).isEqualTo(hostB);
    }
}
