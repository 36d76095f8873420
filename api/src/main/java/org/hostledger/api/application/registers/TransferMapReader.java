package org.hostledger.api.application.registers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.hostledger.core.offering.AccessGround;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainRole;
import org.hostledger.core.offering.ChainRules;
import org.hostledger.core.offering.HdsStatus;

/**
 * Reads an HDS v2 transfer map (requirements 29 and 30) as documented in the README: one row per offering and actor
 * of its chain, rows of one offering grouped by {@code product}. Any row or chain that cannot be what its columns say
 * — an unknown activity, a country that is not ISO 3166-1 alpha-2, an exemption without its ground, an unknown legal
 * ground, a cycle through {@code under}, an offering without exactly one host — refuses the whole file, naming the
 * line: a chain is recorded whole or not at all.
 */
public final class TransferMapReader {

    static final List<String> REQUIRED = List.of(
            "product",
            "actor",
            "role",
            "hds_certified",
            "activities",
            "req29_access_from_outside_eea",
            "req29_countries",
            "req29_legal_basis",
            "req30_exposed_to_non_eu_law",
            "req30_countries");

    private static final String EXEMPTION_NOTE = "hds exemption:";

    public TransferMap read(InputStream in) {
        String text;
        try {
            text = RegisterCsvReader.decode(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            throw new SnapshotUnreadable("line 1", "the transfer map is empty");
        }
        String header = text.lines().findFirst().orElse("");
        char delimiter = RegisterCsvReader.count(header, ';') > RegisterCsvReader.count(header, ',') ? ';' : ',';
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        Map<String, List<ChainActor>> chains = new LinkedHashMap<>();
        Map<String, String> starts = new HashMap<>();
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
                            "not a transfer map: no column '" + required + "' (columns: " + columns.keySet() + ")");
                }
            }
            at = "line 2";
            for (CSVRecord record : parser) {
                String where = "line " + parser.getCurrentLineNumber();
                at = "line " + (parser.getCurrentLineNumber() + 1);
                if (record.size() != columns.size()) {
                    throw new SnapshotUnreadable(
                            where, record.size() + " fields where the header names " + columns.size());
                }
                Row row = new Row(record, columns, where);
                String product = row.required("product");
                starts.putIfAbsent(product, where);
                chains.computeIfAbsent(product, k -> new ArrayList<>()).add(actor(row));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new SnapshotUnreadable(at, "not a readable CSV: " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (chains.isEmpty()) {
            throw new SnapshotUnreadable(null, "the transfer map lists no offering");
        }
        List<TransferMap.Offering> offerings = new ArrayList<>();
        chains.forEach((product, chain) -> {
            List<ChainRules.Problem> problems = ChainRules.problems(chain);
            if (!problems.isEmpty()) {
                throw new SnapshotUnreadable(
                        starts.get(product),
                        "the chain of '" + product + "' cannot be recorded: "
                                + String.join(
                                        "; ",
                                        problems.stream()
                                                .map(p -> (p.actor() == null ? "" : p.actor() + ": ") + p.message())
                                                .toList()));
            }
            String publisher = chain.stream()
                    .filter(a -> a.role() == ChainRole.HOST)
                    .findFirst()
                    .orElseThrow()
                    .actor();
            offerings.add(new TransferMap.Offering(publisher, product, chain, starts.get(product)));
        });
        return new TransferMap(offerings);
    }

    private static ChainActor actor(Row row) {
        String name = row.required("actor");
        ChainRole role =
                switch (row.required("role").toLowerCase(Locale.ROOT)) {
                    case "host", "hébergeur", "hebergeur" -> ChainRole.HOST;
                    case "subcontractor", "sous-traitant" -> ChainRole.SUBCONTRACTOR;
                    default -> throw row.refused("role", "is neither host nor subcontractor");
                };
        HdsStatus hds =
                switch (row.required("hds_certified").toLowerCase(Locale.ROOT)) {
                    case "yes", "oui", "certified" -> HdsStatus.CERTIFIED;
                    case "exempted", "exempt", "exempté", "exempte" -> HdsStatus.EXEMPTED;
                    case "no", "non" -> HdsStatus.NOT_CERTIFIED;
                    default -> throw row.refused("hds_certified", "is none of yes, exempted, no");
                };
        String note = row.get("note");
        String ground = row.get("exemption_ground");
        if (hds == HdsStatus.EXEMPTED && ground == null && note != null) {
            ground = groundFromNote(note);
        }
        boolean access = row.yesNo("req29_access_from_outside_eea");
        return new ChainActor(
                name,
                row.get("host_id"),
                role,
                row.get("under"),
                hds,
                hds == HdsStatus.EXEMPTED ? ground : null,
                row.get("secnumcloud_3_2") != null && row.yesNo("secnumcloud_3_2"),
                row.activities(),
                access,
                row.countries("req29_countries"),
                legalGround(row),
                row.yesNo("req30_exposed_to_non_eu_law"),
                row.countries("req30_countries"),
                note);
    }

    /** The publisher's note "HDS exemption: <ground>; …": the ground is what follows, up to the first ';'. */
    static String groundFromNote(String note) {
        if (!note.toLowerCase(Locale.ROOT).startsWith(EXEMPTION_NOTE)) {
            return null;
        }
        String rest = note.substring(EXEMPTION_NOTE.length()).trim();
        int end = rest.indexOf(';');
        String ground = (end < 0 ? rest : rest.substring(0, end)).trim();
        return ground.isEmpty() ? null : ground;
    }

    private static AccessGround legalGround(Row row) {
        String basis = row.get("req29_legal_basis");
        if (basis == null) {
            return null;
        }
        String b = basis.toLowerCase(Locale.ROOT);
        boolean adequacy = b.contains("adequacy") || b.contains("adéquation") || b.contains("art. 45");
        boolean safeguards = b.contains("art. 46")
                || b.contains("safeguard")
                || b.contains("standard contractual")
                || b.contains("binding corporate");
        if (adequacy == safeguards) {
            throw row.refused(
                    "req29_legal_basis", "names neither an adequacy decision (art. 45) nor art. 46 safeguards");
        }
        return adequacy ? AccessGround.ADEQUACY_DECISION : AccessGround.ART_46_SAFEGUARDS;
    }

    private record Row(CSVRecord record, Map<String, Integer> columns, String where) {

        String get(String column) {
            Integer index = columns.get(column);
            if (index == null) {
                return null;
            }
            String value = record.get(index);
            return value == null || value.isEmpty() ? null : value;
        }

        String required(String column) {
            String value = get(column);
            if (value == null) {
                throw new SnapshotUnreadable(where, "'" + column + "' is empty");
            }
            return value;
        }

        SnapshotUnreadable refused(String column, String why) {
            return new SnapshotUnreadable(where, column + " '" + get(column) + "' " + why);
        }

        boolean yesNo(String column) {
            return switch (required(column).toLowerCase(Locale.ROOT)) {
                case "yes", "oui" -> true;
                case "no", "non" -> false;
                default -> throw refused(column, "is neither yes nor no");
            };
        }

        List<Integer> activities() {
            List<Integer> activities = new ArrayList<>();
            for (String part : required("activities").split("[,;\\s]+")) {
                if (!part.matches("[0-9]{1,2}")) {
                    throw refused("activities", "holds '" + part + "', not an HDS activity (1-6)");
                }
                activities.add(Integer.parseInt(part));
            }
            return activities;
        }

        List<String> countries(String column) {
            String value = get(column);
            return value == null
                    ? List.of()
                    : Arrays.stream(value.split("[;,\\s]+"))
                            .filter(s -> !s.isEmpty())
                            .toList();
        }
    }
}
