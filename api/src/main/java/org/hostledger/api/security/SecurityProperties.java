package org.hostledger.api.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hostledger.security.*}: users of the embedded set-up, and how roles are read from JWTs in production. */
@ConfigurationProperties(prefix = "hostledger.security")
public class SecurityProperties {

    /** Password of user {@code admin}; usually from {@code HOSTLEDGER_ADMIN_PASSWORD}. Random when empty. */
    private String adminPassword;

    /** Further users, each with a BCrypt hash ({@code {bcrypt}$2a$…}) and roles (EDITOR, AUDITOR, ADMIN). */
    private List<User> users = new ArrayList<>();

    private Jwt jwt = new Jwt();

    private CredentialCache credentialCache = new CredentialCache();

    private RateLimits rateLimits = new RateLimits();

    public CredentialCache getCredentialCache() {
        return credentialCache;
    }

    public void setCredentialCache(CredentialCache credentialCache) {
        this.credentialCache = credentialCache;
    }

    public RateLimits getRateLimits() {
        return rateLimits;
    }

    public void setRateLimits(RateLimits rateLimits) {
        this.rateLimits = rateLimits;
    }

    public String getAdminPassword() {
        return adminPassword;
    }

    public void setAdminPassword(String adminPassword) {
        this.adminPassword = adminPassword;
    }

    public List<User> getUsers() {
        return users;
    }

    public void setUsers(List<User> users) {
        this.users = users;
    }

    public Jwt getJwt() {
        return jwt;
    }

    public void setJwt(Jwt jwt) {
        this.jwt = jwt;
    }

    public static class User {
        private String username;
        private String password;
        private List<String> roles = new ArrayList<>();

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }

        public List<String> getRoles() {
            return roles;
        }

        public void setRoles(List<String> roles) {
            this.roles = roles;
        }
    }

    public static class Jwt {
        /** The claim that lists the caller's roles (EDITOR, AUDITOR, ADMIN). */
        private String rolesClaim = "roles";

        /** The claim that names the caller; it becomes the actor of every event they record. */
        private String principalClaim = "sub";

        public String getRolesClaim() {
            return rolesClaim;
        }

        public void setRolesClaim(String rolesClaim) {
            this.rolesClaim = rolesClaim;
        }

        public String getPrincipalClaim() {
            return principalClaim;
        }

        public void setPrincipalClaim(String principalClaim) {
            this.principalClaim = principalClaim;
        }
    }

    /**
     * Verified credentials remembered under a keyed hash (never the password): a client signing in on every request
     * pays one BCrypt check per {@code ttl}, and so does a repeated wrong password.
     */
    public static class CredentialCache {
        private Duration ttl = Duration.ofSeconds(60);
        private long maxEntries = 10_000;

        public Duration getTtl() {
            return ttl;
        }

        public void setTtl(Duration ttl) {
            this.ttl = ttl;
        }

        public long getMaxEntries() {
            return maxEntries;
        }

        public void setMaxEntries(long maxEntries) {
            this.maxEntries = maxEntries;
        }
    }

    /** Token buckets: failed sign-ins per client address, writes and exports per principal. */
    public static class RateLimits {
        private boolean enabled = true;

        /** Most clients (addresses or principals) whose buckets are kept; the least recently seen go first. */
        private long maxClients = 100_000;

        private Limit failedSignIns = new Limit(20, Duration.ofMinutes(1));
        private Limit writes = new Limit(600, Duration.ofMinutes(1));
        private Limit exports = new Limit(30, Duration.ofMinutes(1));

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public long getMaxClients() {
            return maxClients;
        }

        public void setMaxClients(long maxClients) {
            this.maxClients = maxClients;
        }

        public Limit getFailedSignIns() {
            return failedSignIns;
        }

        public void setFailedSignIns(Limit failedSignIns) {
            this.failedSignIns = failedSignIns;
        }

        public Limit getWrites() {
            return writes;
        }

        public void setWrites(Limit writes) {
            this.writes = writes;
        }

        public Limit getExports() {
            return exports;
        }

        public void setExports(Limit exports) {
            this.exports = exports;
        }
    }

    /** At most {@code capacity} in a burst, refilled evenly to {@code capacity} per {@code period}. */
    public static class Limit {
        private long capacity;
        private Duration period;

        public Limit() {}

        public Limit(long capacity, Duration period) {
            this.capacity = capacity;
            this.period = period;
        }

        public long getCapacity() {
            return capacity;
        }

        public void setCapacity(long capacity) {
            this.capacity = capacity;
        }

        public Duration getPeriod() {
            return period;
        }

        public void setPeriod(Duration period) {
            this.period = period;
        }
    }
}
