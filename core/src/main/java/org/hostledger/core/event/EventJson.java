package org.hostledger.core.event;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON form of stored events, metadata, tokens and snapshots. Events are the permanent record, so their JSON must
 * not follow changes to the web layer's settings: dates as ISO text, absent values left out, unknown fields ignored
 * when reading older or newer events. No default typing: every stored type is named by the store itself. The golden
 * files of core's tests hold this form for every event.
 */
public final class EventJson {

    private EventJson() {}

    /** A new mapper with those settings (mappers are mutable, so each caller gets its own). */
    public static ObjectMapper mapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL);
    }
}
