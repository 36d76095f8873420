package org.hostledger.api.web;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.hostledger.api.application.ViewTokens;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves repeated public reads of the views from memory: the bytes of a 200 answer are kept under the request (path,
 * query, Accept) and the projections' tokens, which move in the same transaction as the rows they cover — so an
 * answer is served again exactly until a view changes, on any node. Writes, the audit trail, histories and reads that
 * wait for a position ({@code awaitPosition}) always go through.
 */
@Component
public class ResponseCacheFilter extends OncePerRequestFilter {

    private static final Pattern CACHEABLE = Pattern.compile(
            "/api/(hosts|certifications|decisions)(/[a-z0-9][a-z0-9-]{1,63})?|/api/compliance/alerts|/api/stats/sovereignty");
    private static final List<String> KEPT_HEADERS = List.of("ETag", "X-Total-Count");

    private final ViewTokens tokens;
    private final ReadParams params;
    private final Cache<Key, Answer> answers;
    private final int maxBytes;

    public ResponseCacheFilter(
            ViewTokens tokens,
            ReadParams params,
            @Value("${hostledger.response-cache-bytes:50331648}") long size,
            @Value("${hostledger.response-cache-max-bytes:1048576}") int maxBytes) {
        this.tokens = tokens;
        this.params = params;
        this.maxBytes = maxBytes;
        this.answers = Caffeine.newBuilder()
                .maximumWeight(size)
                .<Key, Answer>weigher((key, answer) -> answer.body().length + 256)
                .expireAfterAccess(Duration.ofMinutes(10))
                .build();
    }

    /** "Today" is part of the key: a read without asOf means another day after midnight. */
    private record Key(String uri, String query, String accept, java.time.LocalDate today, Object tokens) {}

    private record Answer(byte[] body, String contentType, Map<String, String> headers) {}

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod())
                || !CACHEABLE.matcher(request.getRequestURI()).matches()
                || request.getParameter(AwaitPositionInterceptor.PARAMETER) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Key key = new Key(
                request.getRequestURI(),
                request.getQueryString(),
                request.getHeader("Accept"),
                params.today(),
                tokens.current());
        Answer answer = answers.getIfPresent(key);
        if (answer != null) {
            response.setStatus(HttpServletResponse.SC_OK);
            response.setContentType(answer.contentType());
            answer.headers().forEach(response::setHeader);
            response.setContentLength(answer.body().length);
            response.getOutputStream().write(answer.body());
            return;
        }
        ContentCachingResponseWrapper recorded = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, recorded);
        if (recorded.getStatus() == HttpServletResponse.SC_OK && recorded.getContentSize() <= maxBytes) {
            Map<String, String> headers = new java.util.HashMap<>();
            for (String name : KEPT_HEADERS) {
                String value = recorded.getHeader(name);
                if (value != null) {
                    headers.put(name, value);
                }
            }
            answers.put(key, new Answer(recorded.getContentAsByteArray(), recorded.getContentType(), headers));
        }
        recorded.copyBodyToResponse();
    }
}
