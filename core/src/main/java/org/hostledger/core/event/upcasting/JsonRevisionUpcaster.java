package org.hostledger.core.event.upcasting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Takes one event type from one revision to the next: the payload is read as a JSON tree (Axon's Jackson serializer
 * converts the stored bytes), copied, changed by {@link #change(ObjectNode)}, and labelled with the new revision.
 * Revisions that are absent in the store (events written before the type had a {@code @Revision}) are {@code null}.
 */
public abstract class JsonRevisionUpcaster extends SingleEventUpcaster {

    private final SimpleSerializedType from;
    private final SimpleSerializedType to;

    protected JsonRevisionUpcaster(Class<?> eventType, String fromRevision, String toRevision) {
        this.from = new SimpleSerializedType(eventType.getName(), fromRevision);
        this.to = new SimpleSerializedType(eventType.getName(), Objects.requireNonNull(toRevision));
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        return from.equals(representation.getType());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        return representation.upcastPayload(to, JsonNode.class, payload -> {
            if (!(payload instanceof ObjectNode object)) {
                throw new IllegalStateException("a stored " + from.getName() + " is not a JSON object: " + payload);
            }
            return change(object.deepCopy());
        });
    }

    /** The payload of the new revision, made from a copy of the old one. */
    protected abstract ObjectNode change(ObjectNode payload);

    /** Moves a field to its new name; a payload without it is left as it is. */
    protected static ObjectNode rename(ObjectNode payload, String oldName, String newName) {
        JsonNode value = payload.remove(oldName);
        if (value != null && !payload.has(newName)) {
            payload.set(newName, value);
        }
        return payload;
    }
}
