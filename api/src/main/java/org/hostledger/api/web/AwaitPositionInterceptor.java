package org.hostledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.hostledger.store.processing.ProjectionProgress;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Read-your-writes: a read with {@code awaitPosition=N} (the {@code X-Ledger-Position} a write answered) waits until
 * every projection has processed event N, for at most {@value #MAX_WAIT_SECONDS} seconds. The answer says whether it
 * got there in {@code X-Ledger-Position-Reached}.
 */
@Component
public class AwaitPositionInterceptor implements HandlerInterceptor {

    public static final String PARAMETER = "awaitPosition";
    public static final String REACHED_HEADER = "X-Ledger-Position-Reached";
    static final int MAX_WAIT_SECONDS = 10;

    private final ProjectionProgress progress;

    public AwaitPositionInterceptor(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String value = request.getParameter(PARAMETER);
        if (value == null || value.isBlank() || !"GET".equals(request.getMethod())) {
            return true;
        }
        long position;
        try {
            position = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw FieldError.invalid(PARAMETER, "must be a global position (a whole number)");
        }
        if (position < 0) {
            throw FieldError.invalid(PARAMETER, "must not be negative");
        }
        boolean reached = progress.await(position, Duration.ofSeconds(MAX_WAIT_SECONDS));
        response.setHeader(REACHED_HEADER, Boolean.toString(reached));
        return true;
    }
}
