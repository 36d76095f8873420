package org.hostledger.api.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Idempotency-Key} on writes: a retry with the same key and the same request answers what the first one
 * answered and records nothing; the same key with another request is 422. Keys are per user and kept in the
 * database, so they survive restarts. Two requests are the same when method, path and JSON content are (key order
 * and white space do not matter).
 */
@Component
public class IdempotencyFilter extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotency-Replayed";

    private final IdempotencyStore store;
    private final ObjectMapper mapper;
    private final ObjectMapper canonical;

    public IdempotencyFilter(IdempotencyStore store, ObjectMapper mapper) {
        this.store = store;
        this.mapper = mapper;
        this.canonical = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod())
                || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getHeader(HEADER);
        if (!key.matches("[\\x21-\\x7E]{1,200}")) {
            ProblemResponses.write(
                    mapper,
                    response,
                    HttpStatus.BAD_REQUEST,
                    "Invalid request",
                    "Idempotency-Key must be 1 to 200 visible ASCII characters",
                    List.of(new ProblemHandler.FieldProblem(HEADER, "must be 1 to 200 visible ASCII characters")));
            return;
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        String hash = hash(request, body);
        String principal = authentication.getName();
        Optional<IdempotencyStore.Done> done = store.find(principal, key);
        if (done.isPresent()) {
            answer(done.get(), hash, request, response);
            return;
        }
        request.setAttribute(IdempotentRequest.ATTRIBUTE, new IdempotentRequest(principal, key, hash));
        chain.doFilter(new CachedBodyRequest(request, body), response);
    }

    /** The first answer again, or 422 when the key was used for something else. */
    void answer(IdempotencyStore.Done done, String hash, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (!done.requestHash().equals(hash)) {
            ProblemResponses.write(
                    mapper,
                    response,
                    HttpStatus.UNPROCESSABLE_ENTITY,
                    "Idempotency key reused",
                    "this Idempotency-Key was used for another request; use a new key for a new request",
                    null);
            return;
        }
        response.setHeader(REPLAYED_HEADER, "true");
        CommandResponses.writeCreated(
                mapper, request, response, done.kind(), done.recordId(), done.version(), done.position());
    }

    private String hash(HttpServletRequest request, byte[] body) {
        byte[] content;
        try {
            JsonNode tree = mapper.readTree(body);
            content = canonical.writeValueAsBytes(canonical.treeToValue(tree, Object.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            content = body;
        } catch (IOException e) {
            content = body;
        }
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(
                    (request.getMethod() + " " + request.getRequestURI() + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(content);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
