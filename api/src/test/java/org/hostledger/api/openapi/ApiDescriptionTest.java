package org.hostledger.api.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.hostledger.api.Http;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The served description says what the running application does: who may call what, and the input limits. */
class ApiDescriptionTest extends IntegrationTest {

    private JsonNode description;

    @BeforeEach
    void fetch() {
        Http.Response response = http.get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        description = response.json();
    }

    /** Each operation of the description: method, path with sample ids, and the role it declares. */
    private List<String[]> operations() {
        List<String[]> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths =
                        description.get("paths").fields();
                paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                JsonNode role = op.getValue().get("x-required-role");
                String concrete = concrete(path.getKey());
                operations.add(new String[] {op.getKey().toUpperCase(), concrete, role == null ? null : role.asText()});
            }
        }
        return operations;
    }

    @Test
    void everyOperationDeclaresTheRoleTheApplicationEnforces() {
        List<String[]> operations = operations();
        assertThat(operations).hasSizeGreaterThan(25);
        for (String[] op : operations) {
            String method = op[0];
            String path = op[1];
            String role = op[2];
            Http.Response anonymous = send(http.at(path), method);
            JsonNode operation = description.get("paths").get(templateOf(path)).get(method.toLowerCase());
            if (role == null) {
                assertThat(anonymous.status())
                        .as(method + " " + path + " is public")
                        .isNotIn(401, 403);
                assertThat(operation.get("security")).as(method + " " + path).isEmpty();
            } else {
                assertThat(anonymous.status())
                        .as(method + " " + path + " needs " + role)
                        .isEqualTo(401);
                assertThat(operation.get("security").toString()).contains("basicAuth");
                Http.Response withoutRole = send(http.at(path).as("reader", "reader-pass"), method);
                assertThat(withoutRole.status())
                        .as(method + " " + path + " without " + role)
                        .isEqualTo(403);
            }
            assertThat(operation.get("responses").has("500")).isTrue();
            assertThat(operation.get("responses").get("503").get("headers").has("Retry-After"))
                    .as(method + " " + path + " may find the database unreachable")
                    .isTrue();
            assertThat(operation.get("responses").has("400")).isTrue();
            assertThat(operation.get("responses").get("400").get("content").has("application/problem+json"))
                    .isTrue();
        }
    }

    private String templateOf(String concrete) {
        for (Iterator<String> names = description.get("paths").fieldNames(); names.hasNext(); ) {
            String template = names.next();
            if (concrete(template).equals(concrete)) {
                return template;
            }
        }
        throw new AssertionError("no template for " + concrete);
    }

    /** A path of the template with a plausible value for each variable: the ids need not exist, roles come first. */
    private static String concrete(String template) {
        return java.util.regex.Pattern.compile("\\{([^}]+)}")
                .matcher(template)
                .replaceAll(variable -> switch (variable.group(1)) {
                    case "id" -> "ovh";
                    case "name" -> "registry";
                    case "register" -> "fedramp";
                    case "position" -> "1";
                    default -> "x";
                });
    }

    private static Http.Response send(Http.Request request, String method) {
        return method.equals("POST") ? request.post("{}").send() : request.send();
    }

    @Test
    void writesAnswer201WithTheirHeadersAndEveryErrorTheyCanGive() {
        JsonNode register = description.get("paths").get("/api/hosts").get("post");
        JsonNode responses = register.get("responses");
        assertThat(responses.has("200")).isFalse();
        assertThat(responses.get("201").get("headers").has("X-Ledger-Position")).isTrue();
        assertThat(responses.get("201").get("headers").has("RateLimit-Limit")).isTrue();
        for (String status : List.of("400", "401", "403", "409", "413", "415", "422", "429", "500")) {
            assertThat(responses.has(status)).as(status).isTrue();
        }
        assertThat(responses.get("429").get("headers").has("Retry-After")).isTrue();
        JsonNode suspend = description
                .get("paths")
                .get("/api/certifications/{id}/suspensions")
                .get("post");
        assertThat(suspend.get("responses").has("404")).isTrue();
        assertThat(suspend.get("responses").has("412")).isTrue();
        assertThat(description
                        .at("/components/schemas/Problem/properties/errors/maxItems")
                        .asInt())
                .isPositive();
    }

    @Test
    void requestSchemasCarryTheLimitsTheValidatorsEnforce() {
        JsonNode host = description.at("/components/schemas/RegisterHostRequest/properties");
        assertThat(host.at("/name/maxLength").asInt()).isEqualTo(200);
        assertThat(host.at("/name/pattern").asText()).isEqualTo(TextConstraints.ONE_LINE);
        assertThat(host.at("/id/pattern").asText()).isEqualTo(TextConstraints.ID);
        assertThat(host.at("/country/maxLength").asInt()).isEqualTo(2);
        assertThat(host.at("/effectiveOn/maxLength").asInt()).isEqualTo(10);
        assertThat(host.at("/sources/maxItems").asInt()).isEqualTo(50);
        JsonNode decision = description.at("/components/schemas/DecisionRequest/properties");
        assertThat(decision.at("/alternatives/items/maxLength").asInt()).isEqualTo(500);
        assertThat(decision.at("/activities/items/maximum").asInt()).isEqualTo(6);
        assertThat(decision.at("/rationale/pattern").asText()).isEqualTo(TextConstraints.MULTILINE);
        // No string of any request body is unbounded.
        for (Iterator<Map.Entry<String, JsonNode>> schemas =
                        description.at("/components/schemas").fields();
                schemas.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = schemas.next();
            if (schema.getKey().endsWith("Request")) {
                assertBounded(schema.getKey(), schema.getValue());
            }
        }
        JsonNode size = parameter("/api/hosts", "get", "size");
        assertThat(size.at("/schema/maximum").asInt()).isEqualTo(200);
        // The hosting map's keyset cursor is a decision id, empty for the first slice; the audit's is a position.
        JsonNode cursor = parameter("/api/decisions", "get", "after");
        assertThat(cursor.at("/schema/type").asText()).isEqualTo("string");
        assertThat(cursor.at("/schema/pattern").asText()).isEqualTo("^$|" + TextConstraints.ID);
        assertThat(parameter("/api/decisions/{id}/history", "get", "after")
                        .at("/schema/format")
                        .asText())
                .isEqualTo("int64");
        JsonNode answers = description.at("/paths/~1api~1decisions/get/responses/200/content/application~1json/schema");
        assertThat(answers.get("oneOf").toString()).contains("DecisionPage").contains("DecisionSlice");
        assertThat(description
                        .at("/components/schemas/DecisionSlice/properties")
                        .has("nextAfter"))
                .isTrue();
    }

    private JsonNode parameter(String path, String method, String name) {
        for (JsonNode parameter : description.get("paths").get(path).get(method).get("parameters")) {
            if (parameter.get("name").asText().equals(name)) {
                return parameter;
            }
        }
        throw new AssertionError("no parameter " + name);
    }

    private static void assertBounded(String where, JsonNode schema) {
        JsonNode type = schema.get("type");
        if (type != null && type.toString().contains("string")) {
            assertThat(schema.has("maxLength") || schema.has("enum"))
                    .as(where + " is bounded")
                    .isTrue();
        }
        if (type != null && type.toString().contains("array")) {
            assertThat(schema.has("maxItems")).as(where + " has maxItems").isTrue();
        }
        if (schema.has("properties")) {
            schema.get("properties")
                    .fields()
                    .forEachRemaining(p -> assertBounded(where + "." + p.getKey(), p.getValue()));
        }
        if (schema.has("items")) {
            assertBounded(where + "[]", schema.get("items"));
        }
    }
}
