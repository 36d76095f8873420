package org.hostledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import io.github.bucket4j.TimeMeter;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hostledger.api.web.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;

/**
 * Who may do what. Reads of the views are public; writes need EDITOR, the audit trail AUDITOR, operations ADMIN.
 *
 * <p>The JSON API is stateless (HTTP Basic, or bearer JWTs when a JWT issuer or key is configured) and has no CSRF:
 * it sets no cookie a browser could replay. The web pages use a session with a login form and keep CSRF on; their
 * editor forms ({@code /edit/**}) need EDITOR, the subscription page ({@code /subscriptions}) EDITOR or SUBSCRIBER.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    /**
     * No observation per security filter, authentication and authorization. Spring Security times every filter of
     * its chain (a dozen per request), each a meter looked up by its tags: a fifth of the request threads' CPU in the
     * benchmark's profile, for metrics no one reads. A request's latency is still measured once, as
     * {@code http_server_requests_seconds}.
     */
    @Bean
    public SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    public PasswordEncoder passwordEncoder() {
        // BCrypt only: configured users must be stored as {bcrypt} hashes, never in clear.
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
        return new DelegatingPasswordEncoder("bcrypt", Map.of("bcrypt", bcrypt));
    }

    @Bean
    public UserDetailsService users(SecurityProperties properties, PasswordEncoder encoder) {
        List<UserDetails> users = new ArrayList<>();
        String adminPassword = properties.getAdminPassword();
        if (adminPassword == null || adminPassword.isBlank()) {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            adminPassword = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            // Printed once, on purpose: there is no other way to learn it. Set HOSTLEDGER_ADMIN_PASSWORD to choose one.
            System.out.println();
            System.out.println("HostLedger: HOSTLEDGER_ADMIN_PASSWORD is not set; generated password for user 'admin': "
                    + adminPassword);
            System.out.println();
        }
        users.add(User.withUsername("admin")
                .password(encoder.encode(adminPassword))
                .roles(Roles.ADMIN, Roles.EDITOR, Roles.AUDITOR)
                .build());
        for (SecurityProperties.User user : properties.getUsers()) {
            users.add(configuredUser(user));
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        // Only the lookup is exposed: as a UserDetailsPasswordService the manager would let Spring Security
        // "upgrade" a configured hash to its default cost on first login, silently changing what the operator set.
        return manager::loadUserByUsername;
    }

    private static UserDetails configuredUser(SecurityProperties.User user) {
        if (user.getUsername() == null || user.getUsername().isBlank()) {
            throw new IllegalStateException("hostledger.security.users: every user needs a username");
        }
        if ("admin".equals(user.getUsername())) {
            throw new IllegalStateException("hostledger.security.users: 'admin' is set by HOSTLEDGER_ADMIN_PASSWORD");
        }
        String password = user.getPassword();
        if (password == null || !password.matches("\\{bcrypt}\\$2[aby]?\\$\\d\\d\\$.{53}")) {
            throw new IllegalStateException("hostledger.security.users: the password of '" + user.getUsername()
                    + "' must be a BCrypt hash written as {bcrypt}$2a$10$…");
        }
        for (String role : user.getRoles()) {
            if (!Roles.ALL.contains(role)) {
                throw new IllegalStateException("hostledger.security.users: unknown role '" + role + "' for '"
                        + user.getUsername() + "'; roles are " + Roles.ALL);
            }
        }
        return User.withUsername(user.getUsername())
                .password(password)
                .roles(user.getRoles().toArray(String[]::new))
                .build();
    }

    /**
     * The only authentication provider for user names and passwords: BCrypt behind a short-lived cache of outcomes
     * (see {@link CachedCredentials}), so that neither a legitimate client nor a flood of wrong credentials costs a
     * BCrypt check per request.
     */
    @Bean
    public CachedCredentials cachedCredentials(
            UserDetailsService users, PasswordEncoder encoder, SecurityProperties properties) {
        DaoAuthenticationProvider bcrypt = new DaoAuthenticationProvider(users);
        bcrypt.setPasswordEncoder(encoder);
        return new CachedCredentials(bcrypt, properties.getCredentialCache(), Ticker.systemTicker());
    }

    /** The buckets shared by both chains; absent when {@code hostledger.security.rate-limits.enabled=false}. */
    @Bean
    @ConditionalOnProperty(
            name = "hostledger.security.rate-limits.enabled",
            havingValue = "true",
            matchIfMissing = true)
    public RateLimits rateLimits(SecurityProperties properties) {
        SecurityProperties.RateLimits limits = properties.getRateLimits();
        TimeMeter clock = TimeMeter.SYSTEM_NANOTIME;
        return new RateLimits(
                new RateLimiter(limits.getFailedSignIns(), limits.getMaxClients(), clock),
                new RateLimiter(limits.getWrites(), limits.getMaxClients(), clock),
                new RateLimiter(limits.getExports(), limits.getMaxClients(), clock));
    }

    /** Failed sign-ins per client address; writes and exports per principal. */
    public record RateLimits(RateLimiter failedSignIns, RateLimiter writes, RateLimiter exports) {}

    @Bean
    @Order(1)
    public SecurityFilterChain api(
            HttpSecurity http,
            ObjectMapper mapper,
            ObjectProvider<JwtDecoder> jwtDecoder,
            SecurityProperties properties,
            CachedCredentials credentials,
            ObjectProvider<RateLimits> rateLimits)
            throws Exception {
        RateLimits limits = rateLimits.getIfAvailable();
        if (limits != null) {
            http.addFilterBefore(
                            new RateLimitFilters.FailedSignIns(limits.failedSignIns(), credentials, mapper),
                            BearerTokenAuthenticationFilter.class)
                    .addFilterAfter(
                            new RateLimitFilters.PerPrincipal(limits.writes(), limits.exports(), mapper),
                            AuthorizationFilter.class);
        }
        http.securityMatcher("/api/**", "/v3/api-docs/**", "/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(auth -> auth.requestMatchers(
                                HttpMethod.GET, "/actuator/health", "/actuator/health/**", "/actuator/info")
                        .permitAll()
                        .requestMatchers("/actuator/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers("/api/admin/**")
                        .hasRole(Roles.ADMIN)
                        .requestMatchers(HttpMethod.GET, "/api/audit/events/*/proof")
                        .permitAll()
                        .requestMatchers("/api/subscriptions", "/api/subscriptions/**")
                        .hasAnyRole(Roles.SUBSCRIBER, Roles.EDITOR, Roles.ADMIN)
                        .requestMatchers("/api/audit/**")
                        .hasRole(Roles.AUDITOR)
                        .requestMatchers(
                                HttpMethod.GET,
                                "/api/hosts/*/history",
                                "/api/certifications/*/history",
                                "/api/decisions/*/history",
                                "/api/offerings/*/history")
                        .hasRole(Roles.AUDITOR)
                        .requestMatchers(HttpMethod.POST, "/api/**")
                        .hasRole(Roles.EDITOR)
                        .requestMatchers(HttpMethod.GET, "/api/**", "/v3/api-docs/**")
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/api/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(
                        basic -> basic.authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint(mapper, true)))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                                ProblemAuthenticationHandlers.entryPoint(mapper, true))
                        .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied(mapper)));
        if (jwtDecoder.getIfAvailable() != null) {
            http.oauth2ResourceServer(
                    oauth -> oauth.authenticationEntryPoint(ProblemAuthenticationHandlers.entryPoint(mapper, false))
                            .accessDeniedHandler(ProblemAuthenticationHandlers.accessDenied(mapper))
                            .jwt(jwt -> jwt.jwtAuthenticationConverter(jwtConverter(properties.getJwt()))));
        }
        return http.build();
    }

    /**
     * The pages never run inline script or style, so a page that shows hostile text entered through the API could not
     * run it even if an escape were missed. Swagger UI, served by the same chain, keeps its own rules.
     */
    static final String PAGES_CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    @Order(2)
    public SecurityFilterChain pages(
            HttpSecurity http,
            ObjectMapper mapper,
            CachedCredentials credentials,
            ObjectProvider<RateLimits> rateLimits)
            throws Exception {
        RateLimits limits = rateLimits.getIfAvailable();
        if (limits != null) {
            http.addFilterBefore(
                    new RateLimitFilters.FailedLogins(limits.failedSignIns(), mapper),
                    UsernamePasswordAuthenticationFilter.class);
        }
        http.authorizeHttpRequests(auth -> auth.requestMatchers("/audit", "/audit/**")
                        .hasRole(Roles.AUDITOR)
                        .requestMatchers("/edit/**")
                        .hasRole(Roles.EDITOR)
                        .requestMatchers("/subscriptions", "/subscriptions/**")
                        .hasAnyRole(Roles.EDITOR, Roles.SUBSCRIBER)
                        .anyRequest()
                        .permitAll())
                .formLogin(form -> form.loginPage("/login")
                        .failureHandler(RateLimitFilters.FailedLogins.failureHandler(
                                limits == null ? null : limits.failedSignIns()))
                        .permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout"))
                .headers(headers -> headers.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        new NegatedRequestMatcher(
                                PathPatternRequestMatcher.withDefaults().matcher("/swagger-ui/**")),
                        new StaticHeadersWriter("Content-Security-Policy", PAGES_CONTENT_SECURITY_POLICY))));
        return http.build();
    }

    /**
     * Requests the firewall refuses (encoded slashes, dot-dot segments, control characters in the path) get a
     * problem like every other refusal.
     */
    @Bean
    public RequestRejectedHandler requestRejectedHandler(ObjectMapper mapper) {
        return (request, response, rejected) -> ProblemResponses.write(
                mapper,
                response,
                HttpStatus.BAD_REQUEST,
                "Malformed request",
                "the request path is not acceptable",
                null);
    }

    /** Roles come from one claim (a list or a space-separated text); the actor from another. */
    static JwtAuthenticationConverter jwtConverter(SecurityProperties.Jwt settings) {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setPrincipalClaimName(settings.getPrincipalClaim());
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Object claim = jwt.getClaims().get(settings.getRolesClaim());
            Collection<String> roles = claim instanceof Collection<?> list
                    ? list.stream().map(String::valueOf).toList()
                    : claim instanceof String text ? List.of(text.split("\\s+")) : List.of();
            Collection<GrantedAuthority> authorities = new ArrayList<>();
            for (String role : roles) {
                String name = role.startsWith("ROLE_") ? role.substring(5) : role;
                if (Roles.ALL.contains(name)) {
                    authorities.add(new SimpleGrantedAuthority("ROLE_" + name));
                } else {
                    log.debug("ignoring unknown role {} in a JWT", role);
                }
            }
            return authorities;
        });
        return converter;
    }
}
