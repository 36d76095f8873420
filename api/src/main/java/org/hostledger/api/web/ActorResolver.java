package org.hostledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.UUID;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Who is writing, and under which correlation id. The actor is always the authenticated principal: no header or
 * body field can choose it.
 */
@Component
public class ActorResolver {

    public static final String CORRELATION_HEADER = "X-Correlation-Id";

    public String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null
                || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            throw new IllegalStateException("a write reached the ledger without an authenticated principal");
        }
        return authentication.getName();
    }

    /** The client's correlation id when it sent a well-formed one, a new one otherwise. */
    public String correlationId() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            String header = request.getHeader(CORRELATION_HEADER);
            if (header != null && header.length() <= 64 && header.matches("[A-Za-z0-9._:-]+")) {
                return header;
            }
        }
        return UUID.randomUUID().toString();
    }
}
