package org.hostledger.api.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.hostledger.api.web.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/** 401 and 403 as problem details, like every other error of the API. */
final class ProblemAuthenticationHandlers {

    private ProblemAuthenticationHandlers() {}

    static AuthenticationEntryPoint entryPoint(ObjectMapper mapper, boolean basic) {
        return (request, response, exception) -> {
            if (basic) {
                response.setHeader("WWW-Authenticate", "Basic realm=\"HostLedger\"");
            }
            write(
                    mapper,
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "Authentication required",
                    "this request needs credentials: HTTP Basic, or a bearer token where configured");
        };
    }

    static AccessDeniedHandler accessDenied(ObjectMapper mapper) {
        return (request, response, exception) ->
                write(mapper, response, HttpStatus.FORBIDDEN, "Forbidden", "your role does not allow this request");
    }

    private static void write(
            ObjectMapper mapper, HttpServletResponse response, HttpStatus status, String title, String detail)
            throws IOException {
        ProblemResponses.write(mapper, response, status, title, detail, null);
    }
}
