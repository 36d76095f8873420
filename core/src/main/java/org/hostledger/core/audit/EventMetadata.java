package org.hostledger.core.audit;

/**
 * The metadata every recorded event carries, by key: who recorded it (the authenticated principal, never a field a
 * client chose) and which request it came from. Nothing else travels from a command to its events.
 */
public final class EventMetadata {

    public static final String ACTOR = "actor";

    public static final String CORRELATION_ID = "correlationId";

    private EventMetadata() {}
}
