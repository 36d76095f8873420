package org.hostledger.api.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import org.hostledger.api.watch.WatchProcessor;
import org.hostledger.store.processing.ProjectionProgress;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

/**
 * A half-built view is never served: while a rebuild has cleared some projection's tables and not yet replayed the
 * whole history into them — on this node or on any other — every read that may answer from the views is refused with
 * {@code 503} and {@code Retry-After} ({@link ViewsRebuilding}), rather than answering from a part of the history as
 * if it were all of it. Controllers that answer from elsewhere carry {@link ReadsNoView} and go on, and so do the
 * framework's own (error pages, the OpenAPI description).
 *
 * <p>Checked twice: before the handler, and once it has read what it answers but before a byte of the answer is sent
 * ({@link #recheck}, from {@code postHandle} for pages and from {@link ViewsRebuildingAdvice} for JSON and CSV). A read
 * that straddled the start of a rebuild is refused too: a rebuild waits longer than {@link
 * ProjectionProgress#REBUILD_CHECK} between marking its projections (which every node then sees) and clearing their
 * tables, so a read that saw a cleared table sees the mark at its end.
 *
 * <p>The watch is left out: its rebuild adds what is missing and clears nothing.
 */
@Component
public class ViewsRebuildingInterceptor implements HandlerInterceptor {

    /** Request attribute: the number of rebuilds this node had started when a guarded read began. */
    private static final String STARTED = ViewsRebuildingInterceptor.class.getName() + ".started";

    private final ProjectionProgress progress;

    public ViewsRebuildingInterceptor(ProjectionProgress progress) {
        this.progress = progress;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method)
                || !method.getBeanType().getPackageName().startsWith("org.hostledger.")
                || !("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod()))
                || AnnotatedElementUtils.hasAnnotation(method.getBeanType(), ReadsNoView.class)
                || method.hasMethodAnnotation(ReadsNoView.class)) {
            return true;
        }
        if (request.getParameter(AwaitPositionInterceptor.PARAMETER) != null) {
            awaitRebuilds();
        }
        long started = progress.rebuildsStartedHere();
        refuseWhileRebuilding();
        request.setAttribute(STARTED, started);
        return true;
    }

    /**
     * A read that waits for its position ({@code awaitPosition}) waits for rebuilds under way to end too, within the
     * same bound: it asked for views that hold its write, and a view being rebuilt holds it only once rebuilt.
     */
    private void awaitRebuilds() {
        long deadline = System.nanoTime()
                + Duration.ofSeconds(AwaitPositionInterceptor.MAX_WAIT_SECONDS).toNanos();
        while (!rebuilding().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView modelAndView) {
        if (modelAndView != null) {
            recheck(request);
        }
    }

    /**
     * For a guarded read that has read its answer and not sent it yet: refused when a rebuild started meanwhile or is
     * under way. Once only: the refusal's own answer goes through.
     */
    void recheck(HttpServletRequest request) {
        Object started = request.getAttribute(STARTED);
        if (started == null) {
            return;
        }
        request.removeAttribute(STARTED);
        if (!started.equals(progress.rebuildsStartedHere())) {
            throw new ViewsRebuilding(rebuilding());
        }
        refuseWhileRebuilding();
    }

    private List<String> rebuilding() {
        return progress.rebuilding().stream()
                .filter(name -> !name.equals(WatchProcessor.NAME))
                .toList();
    }

    private void refuseWhileRebuilding() {
        List<String> rebuilding = rebuilding();
        if (!rebuilding.isEmpty()) {
            throw new ViewsRebuilding(rebuilding);
        }
    }
}
