package org.hostledger.projections.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;
import org.hostledger.core.model.SourceNote;

/** Lists kept as JSON text in read-model columns: source notes and alternatives. */
public final class JsonColumns {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static final TypeReference<List<SourceNote>> SOURCES = new TypeReference<>() {};
    private static final TypeReference<List<String>> TEXTS = new TypeReference<>() {};
    private static final TypeReference<List<org.hostledger.core.offering.ChainActor>> CHAIN = new TypeReference<>() {};

    private JsonColumns() {}

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write a read-model column as JSON", e);
        }
    }

    /** A correction's evidence joins the record's: the facts it did not touch keep their sources. */
    public static String mergedSources(String json, List<SourceNote> added) {
        java.util.LinkedHashSet<SourceNote> all = new java.util.LinkedHashSet<>(sources(json));
        all.addAll(added);
        return write(new java.util.ArrayList<>(all));
    }

    public static List<SourceNote> sources(String json) {
        return read(json, SOURCES);
    }

    public static List<String> texts(String json) {
        return read(json, TEXTS);
    }

    public static List<org.hostledger.core.offering.ChainActor> chain(String json) {
        return read(json, CHAIN);
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a read-model column holds malformed JSON", e);
        }
    }
}
