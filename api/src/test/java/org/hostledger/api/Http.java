package org.hostledger.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** A small HTTP client for driving the running application exactly as a client would. */
public final class Http {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final int port;

    public Http(int port) {
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    public int port() {
        return port;
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase());
        }

        public String contentType() {
            return header("content-type");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public static final class Request {
        private final Http http;
        private final HttpRequest.Builder builder;
        private String method = "GET";
        private HttpRequest.BodyPublisher body = HttpRequest.BodyPublishers.noBody();

        Request(Http http, String path) {
            this.http = http;
            this.builder = HttpRequest.newBuilder(URI.create(http.base + path)).timeout(Duration.ofSeconds(60));
        }

        public Request as(String user, String password) {
            String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            builder.header("Authorization", "Basic " + token);
            return this;
        }

        public Request editor() {
            return as("editor", "editor-pass");
        }

        public Request auditor() {
            return as("auditor", "auditor-pass");
        }

        public Request admin() {
            return as("admin", "admin-pass");
        }

        public Request header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        /** A longer wait than the usual 60 s: a large register import on a loaded machine. */
        public Request timeout(Duration timeout) {
            builder.timeout(timeout);
            return this;
        }

        public Request post(String json) {
            return post(json, "application/json");
        }

        public Request post(String content, String contentType) {
            method = "POST";
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofString(content, StandardCharsets.UTF_8);
            return this;
        }

        public Request postBytes(byte[] content, String contentType) {
            method = "POST";
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofByteArray(content);
            return this;
        }

        /** A body of unknown length, sent chunked. */
        public Request postStream(java.util.function.Supplier<java.io.InputStream> content, String contentType) {
            method = "POST";
            builder.header("Content-Type", contentType);
            body = HttpRequest.BodyPublishers.ofInputStream(content);
            return this;
        }

        public Request method(String name) {
            method = name;
            return this;
        }

        public Response send() {
            try {
                HttpResponse<String> response = http.client.send(
                        builder.method(method, body).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                Map<String, String> headers = new LinkedHashMap<>();
                response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(), String.join(",", v)));
                return new Response(response.statusCode(), headers, response.body());
            } catch (IOException e) {
                throw new AssertionError("request failed: " + e, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    public Request at(String path) {
        return new Request(this, path);
    }

    public Response get(String path) {
        return at(path).send();
    }
}
