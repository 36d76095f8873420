package org.hostledger.api.web;

import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The projections' tokens as stored with their rows: a value that changes exactly when a view may have changed, on
 * whichever node processed the events. Caches of answers key on it.
 *
 * <p>Read once per HTTP request: the response cache and every query of a page then key on the same reading instead
 * of reading the token table again for each. A request that waits for a position ({@code awaitPosition}) reads them
 * after its wait, when it first asks.
 */
@Component
public class ProjectionTokens {

    private static final String READ_IN_THIS_REQUEST = ProjectionTokens.class.getName();

    private final JdbcTemplate jdbc;

    public ProjectionTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @SuppressWarnings("unchecked")
    public List<ByteBuffer> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return read();
        }
        Object read = request.getAttribute(READ_IN_THIS_REQUEST, RequestAttributes.SCOPE_REQUEST);
        if (read != null) {
            return (List<ByteBuffer>) read;
        }
        List<ByteBuffer> tokens = read();
        request.setAttribute(READ_IN_THIS_REQUEST, tokens, RequestAttributes.SCOPE_REQUEST);
        return tokens;
    }

    private List<ByteBuffer> read() {
        return jdbc.query("SELECT token FROM token_entry ORDER BY processor_name, segment", (rs, n) -> {
            byte[] token = rs.getBytes(1);
            return ByteBuffer.wrap(token == null ? new byte[0] : token);
        });
    }
}
