package org.hostledger.api.application;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryExecutionException;
import org.axonframework.queryhandling.QueryGateway;
import org.hostledger.core.query.ListAuditEvents;
import org.hostledger.core.query.VerifyAuditChain;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Sends a query to the projections' handlers and waits for the typed answer — the only read path, for REST and
 * pages.
 *
 * <p>Answers of the views are cached under the query and the projections' tokens as stored with their rows: a token
 * moves in the same transaction as the rows it covers, so an answer is reused exactly as long as no view changed, on
 * any node. The audit trail reads the event store itself and is never cached.
 */
@Component
public class Queries {

    private final QueryGateway gateway;
    private final ViewTokens tokens;
    private final AsyncCache<Key, Object> answers;

    public Queries(QueryGateway gateway, ViewTokens tokens, @Value("${hostledger.read-cache-size:500}") long size) {
        this.gateway = gateway;
        this.tokens = tokens;
        // Asynchronous only so that concurrent askers of one answer wait for a single computation (run on the first
        // asker's thread) instead of each running the same query: 64 readers of a new page are one query, not 64.
        this.answers = Caffeine.newBuilder()
                .maximumSize(size)
                .expireAfterAccess(Duration.ofMinutes(10))
                .executor(Runnable::run)
                .buildAsync();
    }

    private record Key(Object query, List<ByteBuffer> tokens) {}

    public <R> R ask(Object query, Class<R> resultType) {
        if (query instanceof ListAuditEvents || query instanceof VerifyAuditChain) {
            return send(query, resultType);
        }
        Key key = new Key(query, tokens.current());
        try {
            // A null answer (nothing found) or a failure is not kept.
            return resultType.cast(
                    answers.get(key, k -> send(query, resultType)).join());
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * Asks without the answer cache and without reading the tokens it keys on: for a caller whose answers do not change
     * as the views move (a record as known at a past instant, once the views hold that instant) and that keeps them
     * itself.
     */
    public <R> R askUncached(Object query, Class<R> resultType) {
        return send(query, resultType);
    }

    private <R> R send(Object query, Class<R> resultType) {
        try {
            return gateway.query(query, ResponseTypes.instanceOf(resultType)).join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof QueryExecutionException execution
                    && execution.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
