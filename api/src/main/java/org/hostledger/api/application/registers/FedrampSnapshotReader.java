package org.hostledger.api.application.registers;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.RegisterFinding;

/**
 * Reads the FedRAMP Marketplace's {@code data.json} as the US General Services Administration publishes it: a stream
 * through {@code $.data.Products} (one product's tree at a time) and {@code $.data.AtoMapping}, every other member
 * skipped. The file is refused when it is not that file; a value that cannot be what its field says becomes a finding.
 *
 * <p>Both generations of the file are read: products named by {@code name} / {@code service_offering} (2023) and by
 * {@code csp} / {@code cso} (2024 on).
 */
public final class FedrampSnapshotReader implements SnapshotReader {

    /** The OMB memorandum that established FedRAMP: no FedRAMP date can be earlier. */
    public static final LocalDate PROGRAMME_START = LocalDate.of(2011, 12, 8);

    static final Map<String, String> STAGES = Map.of(
            "FedRAMP Ready", "READY",
            "FedRAMP In Process", "IN_PROCESS",
            "FedRAMP Authorized", "AUTHORIZED");

    static final Set<String> LEVELS = Set.of("High", "Moderate", "Low", "LI-SaaS", "20x Low", "20x Moderate");

    /** Words the programme's spreadsheets write where a stage has no date: they say "none", not a date. */
    static final Set<String> PLACEHOLDERS =
            Set.of("", "Not Active", "Not In Process", "No FRR Date", "Not Authorized", "Not Agency Partnered", "N/A");

    static final List<String> DATE_FIELDS =
            List.of("ready_date", "ip_jab_date", "ip_agency_date", "ip_pmo_date", "ip_prog_date", "auth_date");

    private static final Pattern ISO_DATE_TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(T[0-9:.]+Z)?");
    private static final Pattern PARTIAL_DATE = Pattern.compile("\\d{1,2}/\\d{1,2}");

    private final ObjectMapper mapper;
    private final JsonFactory factory;

    public FedrampSnapshotReader(ObjectMapper mapper) {
        // One product's tree at a time from a longer stream: what follows a product is not "trailing".
        this.mapper = mapper.copy().disable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        this.factory = JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build();
    }

    @Override
    public ParsedSnapshot read(InputStream in, Instant publishedAt) {
        LocalDate publishedOn = LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        Reading reading = new Reading(publishedOn);
        try (JsonParser parser = factory.createParser(in)) {
            parser.setCodec(mapper);
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new SnapshotUnreadable("$", "the snapshot is empty");
            }
            if (first != JsonToken.START_OBJECT) {
                throw new SnapshotUnreadable("$", "not a FedRAMP Marketplace file: the top level is not an object");
            }
            boolean sawProducts = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("data".equals(name) && value == JsonToken.START_OBJECT) {
                    sawProducts = readData(parser, reading);
                } else {
                    parser.skipChildren();
                }
            }
            if (parser.nextToken() != null) {
                throw new SnapshotUnreadable("$", "unexpected content after the top-level object");
            }
            if (!sawProducts) {
                throw new SnapshotUnreadable(
                        "$.data.Products", "not a FedRAMP Marketplace file: there is no array $.data.Products");
            }
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null
                    ? "$"
                    : "line " + at.getLineNr() + ", column " + at.getColumnNr()
                            + (reading.path == null ? "" : " (" + reading.path + ")");
            throw new SnapshotUnreadable(where, "not readable as JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new SnapshotUnreadable("$", "the snapshot could not be read: " + e.getMessage());
        }
        return new ParsedSnapshot(authorizations(reading), List.copyOf(reading.findings), reading.rows);
    }

    /**
     * Each product's agency authorizations, by agency name: the file names them by id in its first generation (early
     * 2023) and by name since, so an id is read as its agency's name ({@code sub}, else {@code parent}, of
     * {@code $.data.Agencies}); the date of an authorization is {@code $.data.AtoMapping}'s {@code ato_date} when it
     * gives a plausible one. A value that names no agency ({@code #N/A}) is a finding, never an agency.
     */
    private static List<ParsedSnapshot.Entry> authorizations(Reading reading) {
        List<ParsedSnapshot.Entry> entries = new ArrayList<>(reading.entries.size());
        for (ParsedSnapshot.Entry entry : reading.entries) {
            List<String> raw = reading.agencies.getOrDefault(entry.entryId(), List.of());
            Map<String, LocalDate> dates = reading.atoDates.getOrDefault(entry.entryId(), Map.of());
            Map<String, LocalDate> agencies = new TreeMap<>();
            for (int i = 0; i < raw.size(); i++) {
                String value = raw.get(i);
                String name = reading.agencyNames.getOrDefault(value, value);
                if (value.isEmpty()) {
                    continue; // the file's way of writing "no agency": [""]
                }
                if (value.startsWith("#")) {
                    reading.findings.add(new RegisterFinding(
                            entry.where() + ".agency_authorizations[" + i + "]",
                            entry.entryId(),
                            "agency_authorizations",
                            "SPREADSHEET_ERROR",
                            value));
                    continue;
                }
                LocalDate date = null;
                for (Map.Entry<String, LocalDate> ato : dates.entrySet()) {
                    if (name.equals(reading.agencyNames.getOrDefault(ato.getKey(), ato.getKey()))) {
                        date = ato.getValue();
                    }
                }
                // Two ids of one agency name (the file has a few) are one authorization; a known date wins.
                if (agencies.get(name) == null) {
                    agencies.put(name, date);
                }
            }
            entries.add(new ParsedSnapshot.Entry(
                    entry.entryId(), entry.facts(), entry.registerDate(), entry.where(), null, agencies));
        }
        return List.copyOf(entries);
    }

    private boolean readData(JsonParser parser, Reading reading) throws IOException {
        boolean sawProducts = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            if ("Products".equals(name)) {
                if (value != JsonToken.START_ARRAY) {
                    throw new SnapshotUnreadable("$.data.Products", "not a FedRAMP Marketplace file: not an array");
                }
                sawProducts = true;
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    reading.path = "$.data.Products[" + index + "]";
                    JsonNode product = parser.readValueAsTree();
                    product(product, reading);
                    index++;
                }
            } else if ("AtoMapping".equals(name) && value == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    reading.path = "$.data.AtoMapping[" + index + "]";
                    JsonNode ato = parser.readValueAsTree();
                    if (ato.isObject()) {
                        String id = text(ato, "id", reading.path);
                        LocalDate date = date(ato, "ato_date", reading.path, id, false, reading);
                        String agency = text(ato, "agency_id", reading.path);
                        if (id != null && agency != null && date != null) {
                            reading.atoDates
                                    .computeIfAbsent(id, k -> new HashMap<>())
                                    .put(agency, date);
                        }
                    }
                    index++;
                }
            } else if ("Agencies".equals(name) && value == JsonToken.START_ARRAY) {
                int index = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    reading.path = "$.data.Agencies[" + index + "]";
                    JsonNode agency = parser.readValueAsTree();
                    String id = agency.isObject() ? text(agency, "id", reading.path) : null;
                    String sub = id == null ? null : text(agency, "sub", reading.path);
                    String parent = id == null ? null : text(agency, "parent", reading.path);
                    String agencyName = sub != null && !sub.isBlank() ? sub : parent;
                    if (id != null && agencyName != null && !agencyName.isBlank()) {
                        reading.agencyNames.put(id, agencyName);
                    }
                    index++;
                }
            } else {
                parser.skipChildren();
            }
            reading.path = null;
        }
        return sawProducts;
    }

    private void product(JsonNode product, Reading reading) {
        String where = reading.path;
        reading.rows++;
        if (!product.isObject()) {
            throw new SnapshotUnreadable(where, "a product must be an object");
        }
        if (isBlank(product)) {
            // The spreadsheet's empty rows, exported as products whose every field is empty.
            reading.findings.add(new RegisterFinding(where, null, null, "BLANK_ROW", ""));
            return;
        }
        String id = text(product, "id", where);
        if (id == null || id.isBlank()) {
            throw new SnapshotUnreadable(where + ".id", "a product without id");
        }
        String earlier = reading.ids.putIfAbsent(id, where);
        if (earlier != null) {
            throw new SnapshotUnreadable(where + ".id", "id " + id + " is already the id of " + earlier);
        }
        String status = text(product, "status", where);
        String stage = status == null ? null : STAGES.get(status);
        if (status == null || status.isBlank()) {
            reading.findings.add(new RegisterFinding(where + ".status", id, "status", "EMPTY_STATUS", status));
        } else if (stage == null) {
            reading.findings.add(new RegisterFinding(where + ".status", id, "status", "UNKNOWN_STATUS", status));
        }
        String level = text(product, "impact_level", where);
        if (level == null || level.isBlank()) {
            reading.findings.add(new RegisterFinding(where + ".impact_level", id, "level", "EMPTY_LEVEL", level));
        } else if (!LEVELS.contains(level)) {
            reading.findings.add(new RegisterFinding(where + ".impact_level", id, "level", "UNKNOWN_LEVEL", level));
        }
        LocalDate registerDate = null;
        for (String field : DATE_FIELDS) {
            boolean belongs = ("AUTHORIZED".equals(stage) && field.equals("auth_date"))
                    || ("READY".equals(stage) && field.equals("ready_date"));
            LocalDate date = date(product, field, where, id, belongs, reading);
            if (belongs) {
                registerDate = date;
            }
        }
        String provider = firstText(product, where, "csp", "name");
        String name = firstText(product, where, "cso", "service_offering");
        String assessor = text(product, "independent_assessor", where);
        reading.agencies.put(id, texts(product, "agency_authorizations", where));
        reading.entries.add(new ParsedSnapshot.Entry(
                id, new RegisterEntryFacts(name, provider, status, stage, level, assessor), registerDate, where));
    }

    /**
     * The date a field holds, or null with a finding when it holds something else. A placeholder word is a finding
     * only where the entry's stage needs that date ({@code belongs}); elsewhere it says "no such stage".
     */
    private LocalDate date(JsonNode node, String field, String where, String id, boolean belongs, Reading reading) {
        String raw = text(node, field, where);
        if (raw == null) {
            if (belongs) {
                reading.findings.add(new RegisterFinding(where + "." + field, id, field, "MISSING_DATE", null));
            }
            return null;
        }
        String kind;
        LocalDate date = null;
        if (ISO_DATE_TIME.matcher(raw).matches()) {
            try {
                // Written at T04:00Z, T05:00Z (midnight in Washington) or T20:00Z to survive time zones: a date.
                date = LocalDate.parse(raw.substring(0, 10));
                if (raw.length() > 10) {
                    Instant.parse(raw);
                }
            } catch (DateTimeException e) {
                date = null;
            }
            if (date == null) {
                kind = "UNREADABLE_DATE";
            } else if (date.isBefore(PROGRAMME_START)) {
                kind = "DATE_BEFORE_PROGRAMME";
            } else if (date.isAfter(reading.publishedOn)) {
                kind = "DATE_AFTER_PUBLICATION";
            } else {
                return date;
            }
        } else if (raw.startsWith("#")) {
            kind = "SPREADSHEET_ERROR";
        } else if (PARTIAL_DATE.matcher(raw).matches()) {
            kind = "PARTIAL_DATE";
        } else if (PLACEHOLDERS.contains(raw)) {
            if (!belongs) {
                return null;
            }
            kind = "PLACEHOLDER";
        } else {
            kind = "UNREADABLE_DATE";
        }
        reading.findings.add(new RegisterFinding(where + "." + field, id, field, kind, raw));
        return null;
    }

    /** A row whose id, names and status are all empty: an empty line of the programme's spreadsheet. */
    private static boolean isBlank(JsonNode product) {
        for (String field : List.of("id", "name", "csp", "cso", "service_offering", "status")) {
            JsonNode value = product.get(field);
            if (value != null
                    && !value.isNull()
                    && !(value.isTextual() && value.asText().isEmpty())) {
                return false;
            }
        }
        return true;
    }

    private static String firstText(JsonNode node, String where, String... fields) {
        for (String field : fields) {
            String value = text(node, field, where);
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    /** The texts of an array member, stripped, in file order (a lone text reads as one); none when absent. */
    private static List<String> texts(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (value.isTextual()) {
            if (!value.asText().isBlank()) {
                texts.add(value.asText());
            }
            return texts;
        }
        if (!value.isArray()) {
            throw new SnapshotUnreadable(
                    where + "." + field, "expected an array of texts, found " + value.getNodeType());
        }
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            if (!item.isTextual()) {
                throw new SnapshotUnreadable(
                        where + "." + field + "[" + i + "]", "expected a text, found " + item.getNodeType());
            }
            texts.add(item.asText().strip());
        }
        return texts;
    }

    /** A text member, verbatim; null when absent or null. Any other kind of value is not this file. */
    private static String text(JsonNode node, String field, String where) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new SnapshotUnreadable(where + "." + field, "expected a text, found " + value.getNodeType());
        }
        return value.asText();
    }

    private static final class Reading {
        final LocalDate publishedOn;
        final List<ParsedSnapshot.Entry> entries = new ArrayList<>();
        final List<RegisterFinding> findings = new ArrayList<>();
        final Map<String, String> ids = new HashMap<>();
        /** Each product's agency authorizations as the file writes them (ids or names). */
        final Map<String, List<String>> agencies = new HashMap<>();
        /** Agency names by agency id ({@code $.data.Agencies}). */
        final Map<String, String> agencyNames = new HashMap<>();
        /** Plausible ATO dates by product id and agency id ({@code $.data.AtoMapping}). */
        final Map<String, Map<String, LocalDate>> atoDates = new HashMap<>();

        int rows;
        String path;

        Reading(LocalDate publishedOn) {
            this.publishedOn = publishedOn;
        }
    }
}
