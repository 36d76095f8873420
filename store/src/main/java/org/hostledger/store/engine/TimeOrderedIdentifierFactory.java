package org.hostledger.store.engine;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.function.LongSupplier;
import org.axonframework.common.IdentifierFactory;

/**
 * Axon's identifiers as time-ordered UUIDs (version 7, RFC 9562 section 5.7): the first 48 bits are the Unix time in
 * milliseconds, the other 74 are random, from a cryptographically strong generator as in Axon's default factory
 * (which uses {@link UUID#randomUUID()}). Registered as Axon's {@link IdentifierFactory} through
 * {@code META-INF/services}, so every event, command and query message gets one.
 *
 * <p>Why: the event store keeps a unique index on the event identifier (H2 and PostgreSQL alike). With random
 * identifiers each appended event lands on a random leaf of that index, so each commit rewrites (H2) or dirties
 * (PostgreSQL) one more page per event, and a large store keeps few of those pages in cache. Identifiers that follow
 * time land on the index's last pages, as the global index does. They say when the message was created, to the
 * millisecond; every event shows its timestamp anyway.
 *
 * <p>The random bits come from a generator of each thread's own (a {@code DRBG} {@link SecureRandom}, seeded from
 * the system once per thread), not from {@link UUID#randomUUID()}: that one draws from a single {@code NativePRNG}
 * whose every call takes one global lock. Every query and command message asks for an identifier, so under 64
 * concurrent REST readers on 2 cores the request threads queued on that lock: Java Flight Recorder counted 62 s of
 * monitor waits on it in 40 s of the benchmark's REST section (300,000 events, H2).
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

    /** Each thread's generator: a DRBG instance locks only itself. */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(TimeOrderedIdentifierFactory::drbg);

    private static SecureRandom drbg() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            // The JDK's SUN provider has had DRBG since Java 9: a runtime without it is not one this runs on.
            throw new IllegalStateException("this Java runtime has no DRBG SecureRandom", e);
        }
    }

    /** The generator this thread draws from. */
    static SecureRandom random() {
        return RANDOM.get();
    }

    @Override
    public String generateIdentifier() {
        byte[] bytes = new byte[16];
        random().nextBytes(bytes);
        ByteBuffer random = ByteBuffer.wrap(bytes);
        long randomHigh = random.getLong();
        long randomLow = random.getLong();
        // 48 bits of time, the version (7), then 12 random bits; the low half is 62 random bits after the RFC
        // variant (binary 10).
        long high = (millis.getAsLong() << 16) | 0x7000L | (randomHigh & 0x0FFFL);
        long low = (randomLow & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
    }
}
