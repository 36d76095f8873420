package org.hostledger.api.pages;

import org.hostledger.api.security.Roles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/** Who is looking at a page: drives the sign-in or sign-out control and the audit link. */
public record Viewer(String name, boolean auditor) {

    /** The signed-in person, or null for an anonymous visitor. */
    static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        boolean auditor = authentication.getAuthorities().stream()
                .anyMatch(a -> ("ROLE_" + Roles.AUDITOR).equals(a.getAuthority()));
        return new Viewer(authentication.getName(), auditor);
    }
}
