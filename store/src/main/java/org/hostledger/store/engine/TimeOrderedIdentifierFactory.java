package org.hostledger.store.engine;

import java.util.UUID;
import java.util.function.LongSupplier;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers as time-ordered UUIDs (version 7, RFC 9562 section 5.7): the first 48 bits are the Unix time in
 * milliseconds, the other 74 are the random bits of a version 4 UUID from the same source as Axon's default factory
 * ({@link UUID#randomUUID()}). Registered as Axon's {@link IdentifierFactory} through {@code META-INF/services}, so
 * every event, command and query message gets one.
 *
 * <p>Why: the event store keeps a unique index on the event identifier (H2 and PostgreSQL alike). With random
 * identifiers each appended event lands on a random leaf of that index, so each commit rewrites (H2) or dirties
 * (PostgreSQL) one more page per event, and a large store keeps few of those pages in cache. Identifiers that follow
 * time land on the index's last pages, as the global index does. They say when the message was created, to the
 * millisecond; every event shows its timestamp anyway.
 */
public final class TimeOrderedIdentifierFactory extends IdentifierFactory {

    private final LongSupplier millis;

    /** The factory {@code ServiceLoader} makes: the system clock. */
    public TimeOrderedIdentifierFactory() {
        this(System::currentTimeMillis);
    }

    TimeOrderedIdentifierFactory(LongSupplier millis) {
        this.millis = millis;
    }

    @Override
    public String generateIdentifier() {
        UUID random = UUID.randomUUID();
        // 48 bits of time, the version (7), then 12 of the random bits; the low half keeps its random bits and the
        // RFC variant that randomUUID() set.
        long high = (millis.getAsLong() << 16) | 0x7000L | (random.getMostSignificantBits() & 0x0FFFL);
        return new UUID(high, random.getLeastSignificantBits()).toString();
    }
}
