package org.hostledger.api.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over {@code hostledger.max-request-bytes} with 413, before anything reads them: by their
 * declared length, or — for chunked bodies — as soon as reading passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class RequestSizeLimitFilter extends OncePerRequestFilter {

    /** A register snapshot import: the one request with a larger limit of its own. */
    private static final java.util.regex.Pattern SNAPSHOT_IMPORT =
            java.util.regex.Pattern.compile("/api/registers/[^/]+/snapshots/?");

    private final long maxBytes;
    private final long maxSnapshotBytes;
    private final ObjectMapper mapper;

    public RequestSizeLimitFilter(
            @Value("${hostledger.max-request-bytes:1048576}") long maxBytes,
            @Value("${hostledger.registers.max-snapshot-bytes:33554432}") long maxSnapshotBytes,
            ObjectMapper mapper) {
        this.maxBytes = maxBytes;
        this.maxSnapshotBytes = maxSnapshotBytes;
        this.mapper = mapper;
    }

    private long limitOf(HttpServletRequest request) {
        return "POST".equals(request.getMethod())
                        && SNAPSHOT_IMPORT
                                .matcher(request.getRequestURI()
                                        .substring(request.getContextPath().length()))
                                .matches()
                ? maxSnapshotBytes
                : maxBytes;
    }

    /** Thrown while reading a chunked body that passes the limit. */
    public static class TooLarge extends IOException {
        public TooLarge(long limit) {
            super("the request body is larger than " + limit + " bytes");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitOf(request);
        if (request.getContentLengthLong() > limit) {
            tooLarge(response, limit);
            return;
        }
        try {
            chain.doFilter(new Limited(request, limit), response);
        } catch (TooLarge e) {
            if (!response.isCommitted()) {
                response.reset();
                tooLarge(response, limit);
            }
        }
    }

    private void tooLarge(HttpServletResponse response, long limit) throws IOException {
        ProblemResponses.write(
                mapper,
                response,
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Request too large",
                "the request body is larger than " + limit + " bytes",
                null);
    }

    private static final class Limited extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        if (b >= 0) {
                            count(1);
                        }
                        return b;
                    }

                    @Override
                    public int read(byte[] buffer, int off, int len) throws IOException {
                        int n = in.read(buffer, off, len);
                        if (n > 0) {
                            count(n);
                        }
                        return n;
                    }

                    private void count(int n) throws TooLarge {
                        read += n;
                        if (read > limit) {
                            throw new TooLarge(limit);
                        }
                    }
                };
            }
            return stream;
        }
    }
}
