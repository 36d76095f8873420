package org.hostledger.api.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

class CachedCredentialsTest {

    private final AtomicInteger bcryptChecks = new AtomicInteger();
    private final AtomicLong now = new AtomicLong();
    private final CachedCredentials credentials = cache(Duration.ofSeconds(60));

    private CachedCredentials cache(Duration ttl) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4) {
            @Override
            public boolean matches(CharSequence raw, String encoded) {
                bcryptChecks.incrementAndGet();
                return super.matches(raw, encoded);
            }
        };
        UserDetails editor = User.withUsername("editor")
                .password(bcrypt.encode("right"))
                .roles("EDITOR")
                .build();
        DaoAuthenticationProvider dao = new DaoAuthenticationProvider(name -> {
            if (name.equals("editor")) {
                return User.withUserDetails(editor).build();
            }
            throw new UsernameNotFoundException(name);
        });
        dao.setPasswordEncoder(bcrypt);
        SecurityProperties.CredentialCache settings = new SecurityProperties.CredentialCache();
        settings.setTtl(ttl);
        Ticker ticker = now::get;
        CachedCredentials cached = new CachedCredentials(dao, settings, ticker);
        bcryptChecks.set(0);
        return cached;
    }

    private static UsernamePasswordAuthenticationToken login(String user, String password) {
        return UsernamePasswordAuthenticationToken.unauthenticated(user, password);
    }

    @Test
    void aClientSigningInOnEveryRequestPaysBcryptOnce() {
        for (int i = 0; i < 20; i++) {
            Authentication result = credentials.authenticate(login("editor", "right"));
            assertThat(result.isAuthenticated()).isTrue();
            assertThat(result.getName()).isEqualTo("editor");
            assertThat(result.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_EDITOR");
            assertThat(result.getCredentials()).as("no password in the result").isNull();
            assertThat(((UserDetails) result.getPrincipal()).getPassword())
                    .as("no hash either")
                    .isNull();
        }
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void eachCachedAnswerIsANewTokenSoRequestDetailsDoNotLeakBetweenRequests() {
        Authentication first = credentials.authenticate(login("editor", "right"));
        Authentication second = credentials.authenticate(login("editor", "right"));
        assertThat(second).isNotSameAs(first);
    }

    @Test
    void aRepeatedWrongPasswordIsRefusedEveryTimeButCheckedOnce() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> credentials.authenticate(login("editor", "wrong")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        assertThat(bcryptChecks).hasValue(1);
    }

    @Test
    void anUnknownUserDoesNotCostABcryptCheckEachTime() {
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> credentials.authenticate(login("mallory", "x")))
                    .isInstanceOf(BadCredentialsException.class);
        }
        // Spring's provider checks a dummy hash for an unknown user (so that timing does not tell who exists): once.
        assertThat(bcryptChecks).hasValueLessThanOrEqualTo(1);
        assertThat(credentials.checks()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordCachedDoesNotHideTheRightOne() {
        assertThatThrownBy(() -> credentials.authenticate(login("editor", "wrong")))
                .isInstanceOf(BadCredentialsException.class);
        assertThat(credentials.authenticate(login("editor", "right")).isAuthenticated())
                .isTrue();
        assertThat(credentials.recentlyVerified("editor", "right")).isTrue();
        assertThat(credentials.recentlyVerified("editor", "wrong")).isFalse();
    }

    @Test
    void nameAndPasswordAreNotConfusedAcrossTheirBoundary() {
        credentials.authenticate(login("editor", "right"));
        assertThat(credentials.recentlyVerified("editorr", "ight")).isFalse();
        assertThat(credentials.recentlyVerified("edito", "rright")).isFalse();
    }

    @Test
    void anOutcomeIsForgottenAfterItsTimeToLive() {
        credentials.authenticate(login("editor", "right"));
        now.addAndGet(Duration.ofSeconds(61).toNanos());
        assertThat(credentials.recentlyVerified("editor", "right")).isFalse();
        credentials.authenticate(login("editor", "right"));
        assertThat(bcryptChecks).hasValue(2);
    }

    @Test
    void thePasswordIsNotKeptInMemory() throws Exception {
        credentials.authenticate(login("editor", "right"));
        assertThatThrownBy(() -> credentials.authenticate(login("editor", "a-wrong-password")))
                .isInstanceOf(BadCredentialsException.class);
        java.lang.reflect.Field field = CachedCredentials.class.getDeclaredField("outcomes");
        field.setAccessible(true);
        var outcomes = (com.github.benmanes.caffeine.cache.Cache<?, ?>) field.get(credentials);
        assertThat(outcomes.asMap()).hasSize(2);
        for (var entry : outcomes.asMap().entrySet()) {
            assertThat(entry.getKey().toString())
                    .doesNotContain("right")
                    .doesNotContain("a-wrong-password")
                    .matches("[0-9a-f]{64}");
            assertThat(entry.getValue().toString()).doesNotContain("right").doesNotContain("{bcrypt}");
        }
    }

    @Test
    void theKeyedHashDiffersBetweenProcesses() throws Exception {
        CachedCredentials other = cache(Duration.ofSeconds(60));
        java.lang.reflect.Method entry = CachedCredentials.class.getDeclaredMethod("entry", String.class, String.class);
        entry.setAccessible(true);
        assertThat(entry.invoke(credentials, "editor", "right")).isNotEqualTo(entry.invoke(other, "editor", "right"));
    }
}
