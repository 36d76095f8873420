package org.hostledger.api.pages;

import org.hostledger.api.security.Roles;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is looking at a page: drives the sign-in or sign-out control, the audit link, the editing links and the
 * subscriptions link.
 */
public record Viewer(String name, boolean auditor, boolean editor, boolean subscriber) {

    /** The signed-in person, or null for an anonymous visitor. */
    static Viewer current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return new Viewer(
                authentication.getName(),
                has(authentication, Roles.AUDITOR),
                has(authentication, Roles.EDITOR),
                has(authentication, Roles.EDITOR) || has(authentication, Roles.SUBSCRIBER));
    }

    private static boolean has(Authentication authentication, String role) {
        return authentication.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
    }
}
