package org.hostledger.store.engine;

import java.time.Instant;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.serialization.SerializedMetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;

/**
 * An event row as read from the store, with its recorded time kept as an {@link Instant}. Axon's own
 * entry ({@code GenericDomainEventEntry}) keeps the time as ISO text: it formats the instant when the row is read and
 * parses it again at every {@link #getTimestamp()} — twice per event and reader (the tracking token's gap check, then
 * the message), with a {@code DateTimeFormatter} each time. Everything else is as in Axon's entry: the payload and
 * metadata as stored, the payload's type with its revision, the time to the millisecond (as Axon's text has it).
 *
 * @param aggregateIdentifier the record, or null for an event that no aggregate produced (stored as its own stream)
 */
record StoredEvent(
        String type,
        String aggregateIdentifier,
        long sequenceNumber,
        String eventIdentifier,
        Instant timestamp,
        String payloadType,
        String payloadRevision,
        byte[] payload,
        byte[] metaData)
        implements DomainEventData<byte[]> {

    @Override
    public String getType() {
        return type;
    }

    @Override
    public String getAggregateIdentifier() {
        return aggregateIdentifier;
    }

    @Override
    public long getSequenceNumber() {
        return sequenceNumber;
    }

    @Override
    public String getEventIdentifier() {
        return eventIdentifier;
    }

    @Override
    public Instant getTimestamp() {
        return timestamp;
    }

    @Override
    public SerializedObject<byte[]> getMetaData() {
        return new SerializedMetaData<>(metaData, byte[].class);
    }

    @Override
    public SerializedObject<byte[]> getPayload() {
        return new SimpleSerializedObject<>(
                payload, byte[].class, new SimpleSerializedType(payloadType, payloadRevision));
    }
}
