package org.hostledger.api.application.registers;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hostledger.core.model.Countries;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.RegisterFinding;

/**
 * Reads the documented register CSV (the ANS list's columns; see the README): a header line naming the columns in
 * any order, {@code ;} or {@code ,} as delimiter (whichever the header uses), UTF-8 with or without a byte-order
 * mark. Required columns: {@code entry_id}, {@code host}. An entry's status is the {@code status} column verbatim when
 * there is one; the lists themselves only hold certified hosts, so an entry without one is at stage
 * {@code CERTIFIED}. Its level is its {@code activities}, its assessor the {@code certifier}.
 */
public final class RegisterCsvReader implements SnapshotReader {

    static final List<String> REQUIRED = List.of("entry_id", "host");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** The longest validity of one certificate of the register's scheme, in years. */
    private final int maxValidityYears;

    /** @param maxValidityYears the longest validity the register's scheme allows one certificate */
    public RegisterCsvReader(int maxValidityYears) {
        this.maxValidityYears = maxValidityYears;
    }

    @Override
    public ParsedSnapshot read(InputStream in, Instant publishedAt) {
        LocalDate publishedOn = LocalDate.ofInstant(publishedAt, ZoneOffset.UTC);
        byte[] bytes;
        try {
            bytes = new BufferedInputStream(in).readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = decode(bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new SnapshotUnreadable("line 1", "the snapshot is empty");
        }
        String header = text.lines().findFirst().orElse("");
        char delimiter = count(header, ';') >= count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        List<ParsedSnapshot.Entry> entries = new ArrayList<>();
        List<RegisterFinding> findings = new ArrayList<>();
        Map<String, String> ids = new HashMap<>();
        int rows = 0;
        // Where reading stands: the header until it is read, then the line after the last record read.
        String at = "line 1";
        try (CSVParser parser = CSVParser.builder()
                .setReader(new java.io.StringReader(text))
                .setFormat(format)
                .get()) {
            Map<String, Integer> columns = new HashMap<>();
            parser.getHeaderMap().forEach((name, index) -> columns.put(name.toLowerCase(Locale.ROOT), index));
            for (String required : REQUIRED) {
                if (!columns.containsKey(required)) {
                    throw new SnapshotUnreadable(
                            "line 1",
                            "not a register CSV: no column '" + required + "' (columns: " + columns.keySet() + ")");
                }
            }
            at = "line 2";
            for (CSVRecord record : parser) {
                rows++;
                String where = "line " + parser.getCurrentLineNumber();
                at = "line " + (parser.getCurrentLineNumber() + 1);
                if (record.size() != columns.size()) {
                    throw new SnapshotUnreadable(
                            where, record.size() + " fields where the header names " + columns.size());
                }
                Row row = new Row(record, columns);
                String id = row.get("entry_id");
                if (id == null) {
                    throw new SnapshotUnreadable(where, "an entry without entry_id");
                }
                String earlier = ids.putIfAbsent(id, where);
                if (earlier != null) {
                    throw new SnapshotUnreadable(where, "entry_id " + id + " is already the id of " + earlier);
                }
                String host = row.get("host");
                if (host == null) {
                    throw new SnapshotUnreadable(where, "entry " + id + " names no host");
                }
                for (String field : List.of("country", "parent_country")) {
                    String country = row.get(field);
                    if (country != null && !Countries.isIsoCode(country)) {
                        findings.add(new RegisterFinding(where, id, field, "UNKNOWN_COUNTRY", country));
                    }
                }
                LocalDate validFrom = date(row, "valid_from", where, id, publishedOn, findings);
                LocalDate validUntil = date(row, "valid_until", where, id, null, findings);
                if (validUntil != null && validUntil.isBefore(publishedOn)) {
                    findings.add(
                            new RegisterFinding(where, id, "valid_until", "EXPIRED_ON_LIST", validUntil.toString()));
                }
                String status = row.get("status");
                ParsedSnapshot.Certificate certificate =
                        certificate(row, where, id, host, validFrom, validUntil, findings);
                entries.add(new ParsedSnapshot.Entry(
                        id,
                        new RegisterEntryFacts(
                                host,
                                row.get("parent_company"),
                                status,
                                status == null ? "CERTIFIED" : null,
                                row.get("activities"),
                                row.get("certifier")),
                        validFrom,
                        where,
                        certificate));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw new SnapshotUnreadable(at, "not readable as CSV: " + e.getMessage());
        }
        return new ParsedSnapshot(List.copyOf(entries), List.copyOf(findings), rows);
    }

    /**
     * The certificate a row describes, when it says enough to grant it in the ledger: the host's country, the
     * referential, the certifier, readable activities, and both ends of a validity the scheme allows (ending after it
     * starts, lasting no longer than the scheme's longest validity). Otherwise a finding saying what is missing or
     * which value cannot be (the raw value kept), and the entry is listed without a certificate: nothing is guessed.
     */
    private ParsedSnapshot.Certificate certificate(
            Row row,
            String where,
            String id,
            String host,
            LocalDate validFrom,
            LocalDate validUntil,
            List<RegisterFinding> findings) {
        List<String> missing = new ArrayList<>();
        String country = row.get("country");
        if (country == null || !Countries.isIsoCode(country)) {
            missing.add("country");
        }
        String parentCountry = row.get("parent_country");
        if (parentCountry != null && !Countries.isIsoCode(parentCountry)) {
            missing.add("parent_country");
        }
        if ((row.get("parent_company") == null) != (parentCountry == null)) {
            missing.add(parentCountry == null ? "parent_country" : "parent_company");
        }
        for (String field : List.of("referential", "certifier")) {
            if (row.get(field) == null) {
                missing.add(field);
            }
        }
        if (validFrom == null) {
            missing.add("valid_from");
        }
        if (validUntil == null) {
            missing.add("valid_until");
        }
        // A validity the scheme cannot hold is its own finding (the raw value kept), not a missing value.
        String impossibleValidity = null;
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            impossibleValidity = "VALIDITY_ENDS_BEFORE_START";
        } else if (validFrom != null
                && validUntil != null
                && validUntil.isAfter(validFrom.plusYears(maxValidityYears))) {
            impossibleValidity = "VALIDITY_LONGER_THAN_SCHEME";
        }
        if (impossibleValidity != null) {
            findings.add(new RegisterFinding(where, id, "valid_until", impossibleValidity, row.get("valid_until")));
        }
        List<Integer> activities = new ArrayList<>();
        String rawActivities = row.get("activities");
        if (rawActivities != null) {
            for (String part : rawActivities.split("[,\\s]+")) {
                if (part.isEmpty()) {
                    continue;
                }
                try {
                    activities.add(Integer.parseInt(part));
                } catch (NumberFormatException e) {
                    findings.add(new RegisterFinding(where, id, "activities", "UNREADABLE_ACTIVITIES", rawActivities));
                    missing.add("activities");
                    break;
                }
            }
        }
        if (!missing.isEmpty()) {
            findings.add(
                    new RegisterFinding(where, id, "certificate", "INCOMPLETE_CERTIFICATE", String.join(",", missing)));
            return null;
        }
        if (impossibleValidity != null) {
            return null;
        }
        return new ParsedSnapshot.Certificate(
                host,
                country,
                row.get("parent_company"),
                parentCountry,
                row.get("referential"),
                row.get("certifier"),
                List.copyOf(activities),
                validFrom,
                validUntil);
    }

    /** A date as {@code 2024-12-20} or {@code 20/12/2024}; anything else is a finding. */
    private static LocalDate date(
            Row row, String field, String where, String id, LocalDate notAfter, List<RegisterFinding> findings) {
        String raw = row.get(field);
        if (raw == null) {
            return null;
        }
        LocalDate date;
        try {
            date = raw.contains("/") ? LocalDate.parse(raw, FRENCH_DATE) : LocalDate.parse(raw);
        } catch (DateTimeParseException e) {
            findings.add(new RegisterFinding(where, id, field, "UNREADABLE_DATE", raw));
            return null;
        }
        if (notAfter != null && date.isAfter(notAfter)) {
            findings.add(new RegisterFinding(where, id, field, "DATE_AFTER_PUBLICATION", raw));
            return null;
        }
        return date;
    }

    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new SnapshotUnreadable(null, "not UTF-8 text");
        }
    }

    static int count(String line, char c) {
        return (int) line.chars().filter(x -> x == c).count();
    }

    private record Row(CSVRecord record, Map<String, Integer> columns) {
        /** The trimmed value of a column, null when the column is absent or the value empty. */
        String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String value = record.get(index);
            return value == null || value.isEmpty() ? null : value;
        }
    }
}
