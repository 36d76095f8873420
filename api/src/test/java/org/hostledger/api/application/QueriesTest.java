package org.hostledger.api.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;

/** The answers' cache: one computation for concurrent askers, nothing kept for empty answers or failures. */
class QueriesTest {

    private final QueryGateway gateway = mock(QueryGateway.class);
    private final ViewTokens tokens = mock(ViewTokens.class);
    private final AtomicInteger computed = new AtomicInteger();

    QueriesTest() {
        when(tokens.current()).thenReturn(List.of(ByteBuffer.wrap(new byte[] {1})));
    }

    @SuppressWarnings("unchecked")
    private void answer(java.util.function.Supplier<Object> answer) {
        when(gateway.query(any(Object.class), any(ResponseType.class))).thenAnswer(invocation -> {
            computed.incrementAndGet();
            return CompletableFuture.completedFuture(answer.get());
        });
    }

    @Test
    void concurrentAskersOfOneAnswerShareOneComputation() throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        answer(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "the map";
        });
        Queries queries = new Queries(gateway, tokens, 100);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return queries.ask("page 0", String.class);
                }));
            }
            start.countDown();
            for (Future<String> answer : answers) {
                assertThat(answer.get()).isEqualTo("the map");
            }
        } finally {
            pool.shutdown();
        }
        assertThat(computed).hasValue(1);
        assertThat(queries.ask("page 0", String.class)).isEqualTo("the map");
        assertThat(computed).hasValue(1);
    }

    @Test
    void emptyAnswersAreAskedAgain() {
        answer(() -> null);
        Queries queries = new Queries(gateway, tokens, 100);
        assertThat(queries.ask("unknown id", String.class)).isNull();
        assertThat(queries.ask("unknown id", String.class)).isNull();
        assertThat(computed).hasValue(2);
    }

    @Test
    void failuresReachTheCallerAsThemselvesAndAreNotKept() {
        answer(() -> {
            throw new IllegalArgumentException("bad filter");
        });
        Queries queries = new Queries(gateway, tokens, 100);
        assertThatThrownBy(() -> queries.ask("bad", String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad filter");
        assertThatThrownBy(() -> queries.ask("bad", String.class)).isInstanceOf(IllegalArgumentException.class);
        assertThat(computed).hasValue(2);
    }
}
