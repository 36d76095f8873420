package org.hostledger.store.processing;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' tokens as stored with their rows: a value that changes exactly when a view may have changed, on
 * whichever node processed the events. Caches of answers key on it.
 *
 * <p>Every public read asks for them, so concurrent callers share readings: a caller gets a reading of the token table
 * that <em>started after it asked</em> — never an older one, so an answer keyed on it is at least as fresh as the
 * question — and every caller that asked while one reading was under way shares the next. At most one reading runs
 * at a time. Under 64 concurrent readers on PostgreSQL, one reading per request held a pooled connection each and
 * waited for the pool: the benchmark's hosting-map reads spent more time reading tokens than answering.
 */
public class ProjectionTokens {

    private final Supplier<List<ByteBuffer>> reader;

    private final Object lock = new Object();
    /** The reading under way, or null; guarded by {@link #lock}. */
    private CompletableFuture<List<ByteBuffer>> underWay;

    public ProjectionTokens(JdbcTemplate jdbc) {
        this(() -> jdbc.query("SELECT token FROM token_entry ORDER BY processor_name, segment", (rs, n) -> {
            byte[] token = rs.getBytes(1);
            return ByteBuffer.wrap(token == null ? new byte[0] : token);
        }));
    }

    /** Over any reading of the table (tests count and hold them). */
    ProjectionTokens(Supplier<List<ByteBuffer>> reader) {
        this.reader = reader;
    }

    /**
     * Every processor's every segment's token, in a fixed order, as read by a reading that started after this call
     * began. A reading that fails fails every caller waiting for it, and the next caller tries again.
     */
    public List<ByteBuffer> read() {
        CompletableFuture<List<ByteBuffer>> begunBefore;
        synchronized (lock) {
            begunBefore = underWay;
        }
        while (true) {
            CompletableFuture<List<ByteBuffer>> reading;
            boolean mine = false;
            synchronized (lock) {
                if (underWay == null) {
                    underWay = new CompletableFuture<>();
                    mine = true;
                }
                reading = underWay;
            }
            if (mine) {
                run(reading);
            }
            if (reading != begunBefore) {
                return own(await(reading));
            }
            // Begun before this call: it may miss a change this caller must see. Wait for it, then read anew. Its
            // failure ended after this call began, and is this caller's answer too: during an outage a caller waits
            // for one reading that fails, not for two.
            await(reading);
        }
    }

    /** Buffers of this caller's own: reading one moves its position, which its equality depends on. */
    private static List<ByteBuffer> own(List<ByteBuffer> shared) {
        return shared.stream().map(ByteBuffer::asReadOnlyBuffer).toList();
    }

    /** Runs the reading and completes it, with the tokens or with its failure. */
    private void run(CompletableFuture<List<ByteBuffer>> reading) {
        try {
            List<ByteBuffer> tokens = List.copyOf(reader.get());
            done(reading);
            reading.complete(tokens);
        } catch (RuntimeException | Error e) {
            done(reading);
            reading.completeExceptionally(e);
        }
    }

    private void done(CompletableFuture<List<ByteBuffer>> reading) {
        synchronized (lock) {
            if (underWay == reading) {
                underWay = null;
            }
        }
    }

    private static List<ByteBuffer> await(CompletableFuture<List<ByteBuffer>> reading) {
        try {
            return reading.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
