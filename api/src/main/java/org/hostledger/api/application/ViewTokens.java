package org.hostledger.api.application;

import java.nio.ByteBuffer;
import java.util.List;
import org.hostledger.store.processing.ProjectionTokens;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The projections' tokens, read once per HTTP request: the response cache and every query of a page then key on the
 * same reading instead of reading the token table again for each. A request that waits for a position
 * ({@code awaitPosition}) reads them after its wait, when it first asks. Outside a request, every call reads.
 */
@Component
public class ViewTokens {

    private static final String READ_IN_THIS_REQUEST = ViewTokens.class.getName();

    private final ProjectionTokens tokens;

    public ViewTokens(ProjectionTokens tokens) {
        this.tokens = tokens;
    }

    @SuppressWarnings("unchecked")
    public List<ByteBuffer> current() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return tokens.read();
        }
        Object read = request.getAttribute(READ_IN_THIS_REQUEST, RequestAttributes.SCOPE_REQUEST);
        if (read != null) {
            return (List<ByteBuffer>) read;
        }
        List<ByteBuffer> current = tokens.read();
        request.setAttribute(READ_IN_THIS_REQUEST, current, RequestAttributes.SCOPE_REQUEST);
        return current;
    }
}
