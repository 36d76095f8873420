package org.hostledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hostledger.api.web.ProblemResponses;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SimpleUrlAuthenticationFailureHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationConverter;
import org.springframework.web.filter.OncePerRequestFilter;

/** The two rate limits of the API chain, as servlet filters that answer 429 problem details with Retry-After. */
final class RateLimitFilters {

    static final String RETRY_AFTER = HttpHeaders.RETRY_AFTER;
    static final String LIMIT = "RateLimit-Limit";
    static final String REMAINING = "RateLimit-Remaining";
    static final String RESET = "RateLimit-Reset";

    private RateLimitFilters() {}

    /**
     * Before authentication: a client address whose sign-ins failed too often is answered 429 without a password
     * check, unless it presents credentials verified a short while ago (they cost nothing to accept). Every 401 given
     * to a request that carried credentials takes a token from its address.
     */
    static final class FailedSignIns extends OncePerRequestFilter {

        private final RateLimiter failures;
        private final CachedCredentials credentials;
        private final ObjectMapper mapper;
        private final BasicAuthenticationConverter basic = new BasicAuthenticationConverter();

        FailedSignIns(RateLimiter failures, CachedCredentials credentials, ObjectMapper mapper) {
            this.failures = failures;
            this.credentials = credentials;
            this.mapper = mapper;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (request.getHeader(HttpHeaders.AUTHORIZATION) == null) {
                chain.doFilter(request, response);
                return;
            }
            String address = request.getRemoteAddr();
            if (!recentlyVerified(request)) {
                RateLimiter.Verdict verdict = failures.peek(address);
                if (!verdict.allowed()) {
                    tooMany(
                            mapper,
                            response,
                            verdict,
                            "too many failed sign-ins from this address; try again in " + verdict.retryAfterSeconds()
                                    + " s");
                    return;
                }
            }
            chain.doFilter(request, response);
            if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
                failures.consume(address);
            }
        }

        private boolean recentlyVerified(HttpServletRequest request) {
            try {
                UsernamePasswordAuthenticationToken token = basic.convert(request);
                return token != null
                        && token.getCredentials() instanceof String password
                        && credentials.recentlyVerified(token.getName(), password);
            } catch (AuthenticationException malformed) {
                return false;
            }
        }
    }

    /**
     * After authorization: each principal (or, for anonymous exports, each address) has a budget of writes and one of
     * exports. Every limited answer says the budget and what is left of it.
     */
    static final class PerPrincipal extends OncePerRequestFilter {

        private final RateLimiter writes;
        private final RateLimiter exports;
        private final ObjectMapper mapper;

        PerPrincipal(RateLimiter writes, RateLimiter exports, ObjectMapper mapper) {
            this.writes = writes;
            this.exports = exports;
            this.mapper = mapper;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            RateLimiter limiter = isWrite(request) ? writes : isExport(request) ? exports : null;
            if (limiter == null) {
                chain.doFilter(request, response);
                return;
            }
            RateLimiter.Verdict verdict = limiter.consume(client(request));
            response.setHeader(LIMIT, Long.toString(limiter.capacity()));
            response.setHeader(REMAINING, Long.toString(verdict.remaining()));
            response.setHeader(RESET, Long.toString(verdict.resetSeconds()));
            if (!verdict.allowed()) {
                tooMany(
                        mapper,
                        response,
                        verdict,
                        (limiter == writes ? "too many writes" : "too many exports") + " by this client; try again in "
                                + verdict.retryAfterSeconds() + " s");
                return;
            }
            chain.doFilter(request, response);
        }

        static boolean isWrite(HttpServletRequest request) {
            return "POST".equals(request.getMethod()) && path(request).startsWith("/api/");
        }

        static boolean isExport(HttpServletRequest request) {
            if (!"GET".equals(request.getMethod())) {
                return false;
            }
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            if (accept == null) {
                return false;
            }
            String path = path(request);
            return (path.equals("/api/audit/events")
                            && (accept.contains("application/x-ndjson") || accept.contains("text/csv")))
                    || (path.equals("/api/certifications") && accept.contains("text/csv"));
        }

        private static String path(HttpServletRequest request) {
            return request.getRequestURI().substring(request.getContextPath().length());
        }

        private static String client(HttpServletRequest request) {
            Authentication who = SecurityContextHolder.getContext().getAuthentication();
            return who == null || who instanceof AnonymousAuthenticationToken
                    ? "address " + request.getRemoteAddr()
                    : "principal " + who.getName();
        }
    }

    /**
     * The sign-in form of the pages: a failed login takes a token from the address, and an address without tokens is
     * answered 429 before its password is checked.
     */
    static final class FailedLogins extends OncePerRequestFilter {

        private final RateLimiter failures;
        private final ObjectMapper mapper;

        FailedLogins(RateLimiter failures, ObjectMapper mapper) {
            this.failures = failures;
            this.mapper = mapper;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
                RateLimiter.Verdict verdict = failures.peek(request.getRemoteAddr());
                if (!verdict.allowed()) {
                    tooMany(mapper, response, verdict, "too many failed sign-ins from this address");
                    return;
                }
            }
            chain.doFilter(request, response);
        }

        static AuthenticationFailureHandler failureHandler(RateLimiter failures) {
            AuthenticationFailureHandler form = new SimpleUrlAuthenticationFailureHandler("/login?error");
            return (request, response, exception) -> {
                if (failures != null) {
                    failures.consume(request.getRemoteAddr());
                }
                form.onAuthenticationFailure(request, response, exception);
            };
        }
    }

    static void tooMany(ObjectMapper mapper, HttpServletResponse response, RateLimiter.Verdict verdict, String detail)
            throws IOException {
        response.setHeader(RETRY_AFTER, Long.toString(Math.max(1, verdict.retryAfterSeconds())));
        ProblemResponses.write(mapper, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests", detail, null);
    }
}
