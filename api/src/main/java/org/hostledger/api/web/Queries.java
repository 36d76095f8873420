package org.hostledger.api.web;

import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

/** Sends a query to the projections' handlers and waits for the typed answer — the only read path, for REST and pages. */
@Component
public class Queries {

    private final QueryGateway gateway;

    public Queries(QueryGateway gateway) {
        this.gateway = gateway;
    }

    public <R> R ask(Object query, Class<R> resultType) {
        try {
            return gateway.query(query, ResponseTypes.instanceOf(resultType)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QueryExecutionException execution && execution.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
