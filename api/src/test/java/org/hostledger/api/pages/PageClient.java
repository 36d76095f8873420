package org.hostledger.api.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A browser without a browser: keeps the session cookie, follows no redirect (tests look at them), and sends the
 * language it is told to. Enough to walk the pages and the login form over real HTTP.
 */
final class PageClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern SUBMISSION = Pattern.compile("name=\"_submission\"\\s+value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private String language = "en";

    PageClient(int port) {
        this.base = "http://localhost:" + port;
    }

    PageClient language(String language) {
        this.language = language;
        return this;
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    HttpResponse<String> postForm(String path, String form) {
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Signs in through the login form, with the CSRF token the form carries; answers the response to the POST. */
    HttpResponse<String> login(String user, String password) {
        HttpResponse<String> form = get("/login");
        assertThat(form.statusCode()).isEqualTo(200);
        return postForm(
                "/login",
                "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf(form.body())));
    }

    static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("a CSRF token in the form").isTrue();
        return token.group(1);
    }

    /** The one-time submission key an editor form carries. */
    static String submission(String html) {
        Matcher key = SUBMISSION.matcher(html);
        assertThat(key.find()).as("a submission key in the form").isTrue();
        return key.group(1);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
                .header("Accept-Language", language);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
