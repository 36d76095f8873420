package org.hostledger.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Collection;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;

/**
 * Remembers the outcome of a username/password check for a short time, so that a client sending HTTP Basic on every
 * request pays BCrypt once per period rather than per request, and a repeated wrong password — for a user that exists
 * or not — pays it once too. Entries are keyed by an HMAC-SHA256 of username and password under a key drawn at start
 * and never stored: the password itself is not kept, nor a hash of it that could be attacked offline.
 */
public final class CachedCredentials implements AuthenticationProvider {

    private static final Object REFUSED = new Object();

    /** What a successful check established, without the credentials. */
    private record Verified(Object principal, Collection<? extends GrantedAuthority> authorities) {}

    private final AuthenticationProvider delegate;
    private final Cache<String, Object> outcomes;
    private final SecretKeySpec key;
    private final AtomicLong checks = new AtomicLong();

    public CachedCredentials(
            AuthenticationProvider delegate, SecurityProperties.CredentialCache settings, Ticker ticker) {
        this.delegate = delegate;
        this.outcomes = Caffeine.newBuilder()
                .maximumSize(settings.getMaxEntries())
                .expireAfterWrite(settings.getTtl())
                .ticker(ticker)
                .build();
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        if (!(authentication instanceof UsernamePasswordAuthenticationToken)
                || !(authentication.getCredentials() instanceof String password)) {
            return delegate.authenticate(authentication);
        }
        String entry = entry(authentication.getName(), password);
        Object known = outcomes.getIfPresent(entry);
        if (known instanceof Verified verified) {
            // A new token each time: the caller attaches this request's details to it.
            return UsernamePasswordAuthenticationToken.authenticated(
                    verified.principal(), null, verified.authorities());
        }
        if (known == REFUSED) {
            throw new BadCredentialsException("Bad credentials");
        }
        checks.incrementAndGet();
        try {
            Authentication result = delegate.authenticate(authentication);
            if (result != null && result.isAuthenticated()) {
                // The user record carries the stored hash: not kept in the cache either.
                if (result.getPrincipal() instanceof CredentialsContainer principal) {
                    principal.eraseCredentials();
                }
                Verified verified = new Verified(result.getPrincipal(), result.getAuthorities());
                outcomes.put(entry, verified);
                return UsernamePasswordAuthenticationToken.authenticated(
                        verified.principal(), null, verified.authorities());
            }
            return result;
        } catch (BadCredentialsException refused) {
            outcomes.put(entry, REFUSED);
            throw refused;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return delegate.supports(authentication);
    }

    /** Whether these credentials were verified a short while ago: they cost nothing to accept again. */
    boolean recentlyVerified(String username, String password) {
        return outcomes.getIfPresent(entry(username, password)) instanceof Verified;
    }

    /** How many checks reached the password encoder (or the user lookup) since start. */
    public long checks() {
        return checks.get();
    }

    private String entry(String username, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] name = username.getBytes(StandardCharsets.UTF_8);
            // The name's length first: "ab"+"c" and "a"+"bc" are different entries.
            mac.update(java.nio.ByteBuffer.allocate(4).putInt(name.length).array());
            mac.update(name);
            return HexFormat.of().formatHex(mac.doFinal(password.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
