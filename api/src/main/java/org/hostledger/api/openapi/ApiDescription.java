package org.hostledger.api.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import java.lang.reflect.AnnotatedParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.hostledger.api.security.Roles;
import org.hostledger.api.web.validation.PlainText;
import org.hostledger.core.query.PageRequest;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Completes what springdoc reads from the controllers: the role each operation needs (the rules of {@code
 * SecurityConfig}, checked against the running application by {@code ApiDescriptionTest}), the errors each can answer,
 * the rate-limit headers of writes and exports, and the bounds of the query parameters, which the controllers take as
 * text and {@code ReadParams} checks.
 */
@Configuration(proxyBeanMethods = false)
public class ApiDescription {

    static final String PROBLEM = "Problem";
    static final String BASIC = "basicAuth";
    static final String BEARER = "bearerAuth";
    static final String ROLE_EXTENSION = "x-required-role";

    @Bean
    public OpenAPI hostLedgerOpenApi() {
        Server server = new Server()
                .url("/")
                .description("production: the server that serves this description, over HTTPS behind its proxy");
        server.addExtension("x-internal", false);
        return new OpenAPI()
                .info(new Info()
                        .title("HostLedger")
                        .version("1")
                        .description("An event-sourced ledger of who hosts whose health data, on which certification, "
                                + "since when and why. Reads are public; writes need role EDITOR, the audit trail "
                                + "AUDITOR, operations ADMIN. Errors are application/problem+json (RFC 9457).")
                        .contact(new Contact().name("HostLedger maintainers").url("https://example.org/hostledger")))
                .servers(List.of(server))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")
                                        .description("A configured user; failed sign-ins are throttled per address"))
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("A JWT of the configured identity provider, where one is set; "
                                                + "signature, issuer and expiry are checked by Spring Security's "
                                                + "decoder, following RFC8725")));
    }

    @Bean
    public OpenApiCustomizer hostLedgerOperations(
            @Value("${hostledger.audit.max-export:1000000}") long maxExport,
            @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> handlers) {
        return openApi -> {
            // Added here, after springdoc has dropped the schemas nothing referred to yet.
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            RequestMappingHandlerMapping mapping = handlers.getIfAvailable();
            if (mapping != null) {
                mapping.getHandlerMethods().values().forEach(method -> listItemText(openApi, method));
            }
            TreeSet<String> tags = new TreeSet<>();
            openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
                describe(path, method, operation, maxExport);
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
            }));
            if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
                openApi.getComponents().getSchemas().values().forEach(ApiDescription::boundDates);
            }
            openApi.setTags(tags.stream()
                    .map(name -> new Tag().name(name).description(name + " of the ledger"))
                    .toList());
        };
    }

    /** The role an operation needs, or null when it is public: the rules of {@code SecurityConfig}. */
    static String role(PathItem.HttpMethod method, String path) {
        if (path.startsWith("/api/admin/")) {
            return Roles.ADMIN;
        }
        if (method == PathItem.HttpMethod.GET && path.matches("/api/audit/events/\\{[^}/]+}/proof")) {
            return null; // an event's proof is public: anyone may check it against the signed checkpoint
        }
        if (path.equals("/api/subscriptions") || path.startsWith("/api/subscriptions/")) {
            return Roles.SUBSCRIBER; // or EDITOR: each sees and changes only their own subscriptions
        }
        if (path.startsWith("/api/audit/") || (method == PathItem.HttpMethod.GET && path.endsWith("/history"))) {
            return Roles.AUDITOR;
        }
        if (method == PathItem.HttpMethod.POST && path.startsWith("/api/")) {
            return Roles.EDITOR;
        }
        return null;
    }

    /** Writes and exports have budgets per client (see {@code RateLimitFilters}). */
    static boolean rateLimited(PathItem.HttpMethod method, String path) {
        return method == PathItem.HttpMethod.POST
                || path.equals("/api/audit/events")
                || path.equals("/api/certifications");
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation, long maxExport) {
        String role = role(method, path);
        String summary = operation.getSummary() == null ? "" : operation.getSummary() + ". ";
        if (role == null) {
            operation.setSecurity(List.of());
            operation.setDescription(summary + "Public: no credentials needed.");
        } else {
            operation.setSecurity(
                    List.of(new SecurityRequirement().addList(BASIC), new SecurityRequirement().addList(BEARER)));
            operation.setDescription(summary + "Requires role " + role + ".");
            operation.addExtension(ROLE_EXTENSION, role);
        }
        if (operation.getParameters() != null) {
            operation.getParameters().forEach(parameter -> bound(path, parameter, maxExport));
        }
        boolean write = method == PathItem.HttpMethod.POST;
        if (write) {
            operation.addParametersItem(new HeaderParameter()
                    .name("Idempotency-Key")
                    .description("A retry with the same key and body gets the first answer and records nothing more")
                    .schema(new StringSchema().maxLength(200).pattern("^[\\x21-\\x7E]{1,200}$")));
        }
        ApiResponses responses = operation.getResponses();
        successCode(path, write, responses);
        boolean limited = rateLimited(method, path);
        boolean withId = path.contains("{");
        error(responses, HttpStatus.BAD_REQUEST, "Malformed or invalid input; errors[] names each field", limited);
        // Credentials are checked wherever they are sent, public reads included: wrong ones are a 401.
        error(
                responses,
                HttpStatus.UNAUTHORIZED,
                role == null ? "Wrong credentials (none are needed)" : "No or wrong credentials",
                limited);
        if (role != null) {
            error(responses, HttpStatus.FORBIDDEN, "The credentials lack role " + role, limited);
        }
        if (withId) {
            error(responses, HttpStatus.NOT_FOUND, "No record or projection with this id", limited);
        }
        if (write) {
            error(responses, HttpStatus.CONFLICT, "A rule of the ledger refuses it; nothing was recorded", limited);
            error(responses, HttpStatus.PAYLOAD_TOO_LARGE, "The body is larger than the configured limit", limited);
            error(responses, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "The body is not application/json", limited);
            error(responses, HttpStatus.UNPROCESSABLE_ENTITY, "The Idempotency-Key was used for another body", limited);
            if (withId) {
                error(responses, HttpStatus.PRECONDITION_FAILED, "If-Match no longer matches the record", limited);
            }
        }
        {
            ApiResponse tooMany = error(
                    new ApiResponses(),
                    HttpStatus.TOO_MANY_REQUESTS,
                    limited
                            ? "Over this client's budget of writes or exports, or of failed sign-ins"
                            : "Too many failed sign-ins from this address (requests carrying credentials only)",
                    limited);
            tooMany.addHeaderObject("Retry-After", retryAfter());
            responses.addApiResponse("429", tooMany);
        }
        error(responses, HttpStatus.INTERNAL_SERVER_ERROR, "Unexpected; nothing was recorded", false);
        error(
                        responses,
                        HttpStatus.SERVICE_UNAVAILABLE,
                        "The database cannot be reached, or (reads) the views are being rebuilt; try again after Retry-After",
                        false)
                .addHeaderObject("Retry-After", retryAfter());
        if (limited) {
            responses.forEach((code, response) -> {
                if (code.startsWith("2") || code.startsWith("4")) {
                    rateLimitHeaders(response);
                }
            });
        }
    }

    /** Writes answer 201 (a replay 202) with the new record's place; springdoc says 200. */
    private static void successCode(String path, boolean write, ApiResponses responses) {
        ApiResponse ok = responses.get("200");
        if (!write || ok == null) {
            return;
        }
        if (path.equals("/api/admin/backups")) {
            return; // answers the backup itself (200, a zip archive), records nothing
        }
        responses.remove("200");
        if (path.endsWith("/replay")) {
            responses.addApiResponse("202", ok.description("Accepted: the projection is being rebuilt"));
            return;
        }
        ok.description("Recorded");
        ok.addHeaderObject(
                "Location",
                new Header()
                        .description("Where the record is read")
                        .schema(new StringSchema().format("uri-reference").maxLength(300)));
        ok.addHeaderObject("ETag", header("The record's version after this write", "^\"[0-9]{1,19}\"$"));
        ok.addHeaderObject(
                "X-Ledger-Position", header("The event's global position: pass as awaitPosition", "^[0-9]{1,19}$"));
        responses.addApiResponse("201", ok);
    }

    private static Header retryAfter() {
        return new Header()
                .description("Seconds to wait before trying again")
                .schema(new IntegerSchema()
                        .format("int64")
                        .minimum(java.math.BigDecimal.ONE)
                        .maximum(java.math.BigDecimal.valueOf(86_400)));
    }

    private static ApiResponse error(ApiResponses responses, HttpStatus status, String description, boolean limited) {
        ApiResponse response = new ApiResponse()
                .description(description)
                .content(new Content()
                        .addMediaType(
                                "application/problem+json",
                                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
        responses.putIfAbsent(Integer.toString(status.value()), response);
        return responses.get(Integer.toString(status.value()));
    }

    private static void rateLimitHeaders(ApiResponse response) {
        Schema<?> count = new IntegerSchema()
                .format("int64")
                .minimum(java.math.BigDecimal.ZERO)
                .maximum(java.math.BigDecimal.valueOf(Long.MAX_VALUE));
        response.addHeaderObject(
                "RateLimit-Limit",
                new Header().description("This client's budget per period").schema(count));
        response.addHeaderObject(
                "RateLimit-Remaining",
                new Header().description("What is left of it").schema(count));
        response.addHeaderObject(
                "RateLimit-Reset",
                new Header()
                        .description("Seconds until the budget is full again")
                        .schema(count));
    }

    private static Header header(String description, String pattern) {
        return new Header()
                .description(description)
                .schema(new StringSchema().maxLength(21).pattern(pattern));
    }

    /** The bounds {@code ReadParams}, {@code AuditParams} and {@code RecordPaths} enforce on each parameter. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void bound(String path, Parameter parameter, long maxExport) {
        // The hosting map's keyset cursor is a decision id (empty: from the first); elsewhere after is a position.
        String name =
                path.equals("/api/decisions") && parameter.getName().equals("after") ? "cursor" : parameter.getName();
        Schema schema =
                switch (name) {
                    case "cursor" ->
                        new StringSchema().maxLength(TextConstraints.ID_MAX).pattern("^$|" + TextConstraints.ID);
                    case "id", "hostId", "aggregateId" ->
                        new StringSchema().maxLength(TextConstraints.ID_MAX).pattern(TextConstraints.ID);
                    case "name" -> new StringSchema().maxLength(64).pattern("^[a-z][a-z0-9-]{0,63}$");
                    case "asOf" -> new StringSchema().format("date").maxLength(10);
                    case "knownAt", "recordedFrom", "recordedTo" ->
                        new StringSchema()
                                .maxLength(35)
                                .pattern("^\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+(Z|[+-]\\d{2}:\\d{2}))?$");
                    case "page" -> integer(0, 1_000_000);
                    case "size" -> integer(1, PageRequest.MAX_SIZE);
                    case "activity" -> integer(1, 6);
                    case "after" -> integer(0, Long.MAX_VALUE).format("int64");
                    case "limit" -> integer(1, maxExport).format("int64");
                    case "awaitPosition" -> integer(0, Long.MAX_VALUE).format("int64");
                    case "country" -> new StringSchema().maxLength(2).pattern("^[A-Z]{2}$");
                    case "exposure" ->
                        new StringSchema()
                                ._enum(java.util.Arrays.stream(org.hostledger.core.model.Exposure.values())
                                        .map(Enum::name)
                                        .toList());
                    case "compliance" -> new StringSchema()._enum(List.of("COVERED", "GAP", "NOT_CERTIFIED"));
                    case "aggregateType" ->
                        new StringSchema()._enum(List.of("Host", "Certification", "HostingDecision"));
                    case "status", "type" -> new StringSchema().maxLength(200).pattern("^[A-Za-z_]+$");
                    case "If-Match" -> new StringSchema().maxLength(40).pattern("^(\\*|(W/)?\"?[0-9]{1,19}\"?)$");
                    default -> new StringSchema().maxLength(200).pattern(TextConstraints.ONE_LINE);
                };
        parameter.setSchema(schema);
    }

    /**
     * {@code List<@PlainText String>} in a request record: springdoc does not read annotations on type arguments, so
     * the items' length and characters are copied here.
     */
    @SuppressWarnings({"rawtypes"})
    private static void listItemText(OpenAPI openApi, HandlerMethod method) {
        for (MethodParameter parameter : method.getMethodParameters()) {
            Class<?> body = parameter.getParameterType();
            if (!parameter.hasParameterAnnotation(RequestBody.class) || !body.isRecord()) {
                continue;
            }
            Schema schema = openApi.getComponents().getSchemas().get(body.getSimpleName());
            if (schema == null || schema.getProperties() == null) {
                continue;
            }
            for (RecordComponent component : body.getRecordComponents()) {
                if (!(component.getAnnotatedType() instanceof AnnotatedParameterizedType list)) {
                    continue;
                }
                PlainText text = list.getAnnotatedActualTypeArguments()[0].getAnnotation(PlainText.class);
                Schema property = (Schema) schema.getProperties().get(component.getName());
                if (text != null && property != null && property.getItems() != null) {
                    property.getItems().setMaxLength(text.max());
                    property.getItems()
                            .setPattern(text.multiline() ? TextConstraints.MULTILINE : TextConstraints.ONE_LINE);
                }
            }
        }
    }

    /** Dates and instants are short by definition: said, so that no string in a body is unbounded. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static void boundDates(Schema schema) {
        if (schema == null) {
            return;
        }
        if (TextConstraints.isString(schema) && schema.getMaxLength() == null) {
            if ("date".equals(schema.getFormat())) {
                schema.setMaxLength(10);
            } else if ("date-time".equals(schema.getFormat())) {
                schema.setMaxLength(35);
            }
        }
        if (schema.getProperties() != null) {
            ((Map<String, Schema>) schema.getProperties()).values().forEach(ApiDescription::boundDates);
        }
        boundDates(schema.getItems());
    }

    private static Schema<?> integer(long min, long max) {
        return new IntegerSchema()
                .format("int32")
                .minimum(java.math.BigDecimal.valueOf(min))
                .maximum(java.math.BigDecimal.valueOf(max));
    }

    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema()
                .addProperty(
                        "field",
                        new StringSchema()
                                .maxLength(300)
                                .pattern(TextConstraints.ONE_LINE)
                                .description("JSON path of the field, or a header"))
                .addProperty("message", new StringSchema().maxLength(2000).pattern(TextConstraints.MULTILINE));
        return new ObjectSchema()
                .description("RFC 9457 problem details")
                .addProperty("type", new StringSchema().format("uri-reference").maxLength(2000))
                .addProperty("title", new StringSchema().maxLength(200).pattern(TextConstraints.ONE_LINE))
                .addProperty(
                        "status",
                        new IntegerSchema()
                                .format("int32")
                                .minimum(java.math.BigDecimal.valueOf(400))
                                .maximum(java.math.BigDecimal.valueOf(599)))
                .addProperty("detail", new StringSchema().maxLength(65_536).pattern(TextConstraints.MULTILINE))
                .addProperty(
                        "instance", new StringSchema().format("uri-reference").maxLength(2000))
                .addProperty(
                        "currentVersion",
                        new IntegerSchema()
                                .format("int64")
                                .minimum(java.math.BigDecimal.ZERO)
                                .maximum(java.math.BigDecimal.valueOf(Long.MAX_VALUE)))
                .addProperty("errors", new ArraySchema().maxItems(1000).items(fieldProblem));
    }
}
