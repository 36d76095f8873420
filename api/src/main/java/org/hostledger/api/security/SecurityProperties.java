package org.hostledger.api.security;

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
}
