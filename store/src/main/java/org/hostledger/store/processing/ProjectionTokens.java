package org.hostledger.store.processing;

import java.nio.ByteBuffer;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The projections' tokens as stored with their rows: a value that changes exactly when a view may have changed, on
 * whichever node processed the events. Caches of answers key on it.
 */
public class ProjectionTokens {

    private final JdbcTemplate jdbc;

    public ProjectionTokens(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every processor's every segment's token, in a fixed order. */
    public List<ByteBuffer> read() {
        return jdbc.query("SELECT token FROM token_entry ORDER BY processor_name, segment", (rs, n) -> {
            byte[] token = rs.getBytes(1);
            return ByteBuffer.wrap(token == null ? new byte[0] : token);
        });
    }
}
