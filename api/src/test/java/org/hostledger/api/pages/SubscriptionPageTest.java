package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The subscription page over real HTTP, signed in through the login form: make a subscription (prefilled from a host
 * page's link), see it refused by the API's rules in English and French, pause, resume, delete, and read its delivery
 * log once a loopback receiver got a notification.
 */
class SubscriptionPageTest extends IntegrationTest {

    private static final Pattern SUBSCRIPTION = Pattern.compile("/subscriptions/(sub-[0-9a-f-]{36})");

    private PageClient pages;

    @BeforeEach
    void signedIn() {
        pages = new PageClient(port);
        assertThat(pages.login("editor", "editor-pass").statusCode()).isEqualTo(302);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> create(PageClient client, String form) {
        String csrf = PageClient.csrf(client.get("/subscriptions").body());
        return client.postForm("/subscriptions", form + "&_csrf=" + encode(csrf));
    }

    private String subscriptionOf(HttpResponse<String> redirect) {
        assertThat(redirect.statusCode()).as(redirect.body()).isEqualTo(302);
        Matcher m =
                SUBSCRIPTION.matcher(redirect.headers().firstValue("Location").orElseThrow());
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    @Test
    void onlySignedInEditorsAndSubscribersSeeIt() {
        PageClient anonymous = new PageClient(port);
        HttpResponse<String> response = anonymous.get("/subscriptions");
        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(response.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        PageClient reader = new PageClient(port);
        assertThat(reader.login("reader", "reader-pass").statusCode()).isEqualTo(302);
        assertThat(reader.get("/subscriptions").statusCode()).isEqualTo(403);
        assertThat(pages.get("/").body()).contains("id=\"nav-subscriptions\"");
    }

    @Test
    void aHostPageLeadsToAPrefilledFormThatMakesTheSubscriptionAfterPostRedirectGet() {
        String host = id("subscribed");
        String position = registerHost(host, "FR", null, null);
        String hostPage =
                pages.get("/hosts/" + host + "?awaitPosition=" + position).body();
        assertThat(hostPage).contains("href=\"/subscriptions?hostId=" + host + "\"");
        String form = pages.get("/subscriptions?hostId=" + host).body();
        assertThat(form).contains("value=\"" + host + "\"");

        String id =
                subscriptionOf(create(pages, "hostId=" + host + "&eventTypes=AlertRecorded,CertificationSuspended"));
        String page = pages.get("/subscriptions/" + id).body();
        assertThat(page)
                .contains("The subscription is made.")
                .contains("Host: " + host)
                .contains("feed only");
        assertThat(pages.get("/subscriptions/" + id).body()).doesNotContain("The subscription is made.");
        assertThat(http.at("/api/subscriptions/" + id)
                        .editor()
                        .send()
                        .json()
                        .get("filter")
                        .get("eventTypes")
                        .size())
                .isEqualTo(2);
        assertThat(pages.get("/subscriptions").body()).contains(id);

        String csrf = PageClient.csrf(page);
        assertThat(pages.postForm("/subscriptions/" + id + "/pause", "_csrf=" + encode(csrf))
                        .statusCode())
                .isEqualTo(302);
        assertThat(pages.get("/subscriptions/" + id).body()).contains("The subscription is paused.");
        assertThat(http.at("/api/subscriptions/" + id)
                        .editor()
                        .send()
                        .json()
                        .get("paused")
                        .asBoolean())
                .isTrue();
        pages.postForm("/subscriptions/" + id + "/resume", "_csrf=" + encode(csrf));
        assertThat(http.at("/api/subscriptions/" + id)
                        .editor()
                        .send()
                        .json()
                        .get("paused")
                        .asBoolean())
                .isFalse();
        assertThat(pages.postForm("/subscriptions/" + id + "/delete", "hostId=x")
                        .statusCode())
                .as("without the CSRF token")
                .isEqualTo(403);
        assertThat(pages.postForm("/subscriptions/" + id + "/delete", "_csrf=" + encode(csrf))
                        .statusCode())
                .isEqualTo(302);
        assertThat(http.at("/api/subscriptions/" + id).editor().send().status()).isEqualTo(404);
        assertThat(pages.get("/subscriptions/" + id).statusCode()).isEqualTo(404);
    }

    @Test
    void theApisRulesRefuseAtTheFieldInEnglishAndFrenchAndMakeNothing() {
        int before = http.at("/api/subscriptions")
                .editor()
                .send()
                .json()
                .get("items")
                .size();
        HttpResponse<String> english = create(pages, "webhook=" + encode("http://hooks.invalid/x"));
        assertThat(english.statusCode()).isEqualTo(400);
        assertThat(english.body())
                .contains("id=\"webhook-error\"")
                .contains("aria-invalid=\"true\"")
                .contains("must be an http or https address")
                .contains("href=\"#webhook\"");
        PageClient french = new PageClient(port).language("fr");
        assertThat(french.login("editor", "editor-pass").statusCode()).isEqualTo(302);
        HttpResponse<String> refused = create(french, "hostId=" + encode("<b>") + "&eventTypes=lower");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("lang=\"fr\"").contains("doit être");
        assertThat(http.at("/api/subscriptions")
                        .editor()
                        .send()
                        .json()
                        .get("items")
                        .size())
                .isEqualTo(before);
    }

    @Test
    void theDeliveryLogShowsWhatWasSentToTheWebhook() throws Exception {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String host = id("logged");
            String id = subscriptionOf(create(
                    pages,
                    "hostId=" + host + "&webhook="
                            + encode("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")));
            assertThat(pages.get("/subscriptions/" + id).body())
                    .contains("whsec_")
                    .contains("Nothing sent yet.");
            registerHost(host, "FR", null, null);
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> pages.get("/subscriptions/" + id).body().contains("delivered"));
            String page = pages.get("/subscriptions/" + id).body();
            assertThat(page).contains("msg_" + id + "_").contains("204").doesNotContain("whsec_");
            assertThat(new PageClient(port)
                            .language("fr")
                            .get("/subscriptions/" + id)
                            .statusCode())
                    .isEqualTo(302);
        } finally {
            receiver.stop(0);
        }
    }
}
