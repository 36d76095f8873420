package org.hostledger.projections.hostingmap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * When the register entries (FedRAMP products) that a page's decisions are agency authorizations of were listed and
 * Authorized, as known at one instant: read once, in one query for every entry of the page, and every date answered
 * in memory. A page of the map asked twice per such decision (on its decision date and on the date asked), forty
 * queries for a page of twenty.
 *
 * <p>The same answer as the compliance filter's SQL ({@code AsOf.entryAuthorized}): a version counts on {@code date}
 * when it is in effect then ({@code eff_from <= date < eff_to}), listed and at stage {@code AUTHORIZED}.
 */
final class EntryAuthorizations {

    private record Interval(LocalDate effFrom, LocalDate effTo) {}

    private final NamedParameterJdbcTemplate jdbc;
    /** Carries {@code :knownAt}. */
    private final MapSqlParameterSource at;

    private final Map<String, List<Interval>> byEntry = new HashMap<>();

    EntryAuthorizations(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource at) {
        this.jdbc = jdbc;
        this.at = at;
    }

    /** Reads the versions of these entries not read yet (null keys are ignored). */
    EntryAuthorizations load(Collection<String> entryKeys) {
        Set<String> missing = new LinkedHashSet<>();
        for (String key : entryKeys) {
            if (key != null && !byEntry.containsKey(key)) {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return this;
        }
        // A page holds at most PageRequest.MAX_SIZE decisions: its entries fit in one IN list.
        missing.forEach(key -> byEntry.put(key, new ArrayList<>()));
        jdbc.query(
                "SELECT re.entry_key, re.eff_from, re.eff_to FROM rm_register_entry_version re"
                        + " WHERE re.entry_key IN (:entries) AND re.listed = TRUE AND re.stage = 'AUTHORIZED'"
                        + " AND re.rec_from <= :knownAt AND re.rec_to > :knownAt",
                new MapSqlParameterSource(at.getValues()).addValue("entries", missing),
                rs -> {
                    byEntry.get(rs.getString("entry_key"))
                            .add(new Interval(
                                    rs.getObject("eff_from", LocalDate.class),
                                    rs.getObject("eff_to", LocalDate.class)));
                });
        return this;
    }

    /** Whether the entry was listed and Authorized on {@code date}. */
    boolean on(String entryKey, LocalDate date) {
        if (!byEntry.containsKey(entryKey)) {
            load(List.of(entryKey));
        }
        for (Interval v : byEntry.get(entryKey)) {
            if (!v.effFrom().isAfter(date) && v.effTo().isAfter(date)) {
                return true;
            }
        }
        return false;
    }
}
