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
 * Which HDS activities hosts' valid certificates cover, on any date, as known at one instant: the versions of each
 * host's HDS certificates known then are read once, in one query for all the hosts of a page, and every date is
 * answered from them in memory. A page of the map asked for coverage per decision date and per host, a query each
 * (about ten for one host's decisions, forty for a page of twenty).
 *
 * <p>The same answer as the compliance filter's SQL ({@code AsOf.coverage}): a version counts on {@code date} when it
 * is in effect then ({@code eff_from <= date < eff_to}), VALID and not expired ({@code valid_until >= date}); an activity is covered when
 * any such version covers it; a host with no such version covers nothing (null).
 */
final class HostCoverage {

    private record Version(LocalDate effFrom, LocalDate effTo, LocalDate validUntil, int[] activities) {}

    private final NamedParameterJdbcTemplate jdbc;
    /** Carries {@code :knownAt}. */
    private final MapSqlParameterSource at;

    private final Map<String, List<Version>> byHost = new HashMap<>();

    HostCoverage(NamedParameterJdbcTemplate jdbc, MapSqlParameterSource at) {
        this.jdbc = jdbc;
        this.at = at;
    }

    /** Reads the versions of these hosts not read yet. */
    HostCoverage load(Collection<String> hostIds) {
        Set<String> missing = new LinkedHashSet<>();
        for (String hostId : hostIds) {
            if (hostId != null && !byHost.containsKey(hostId)) {
                missing.add(hostId);
            }
        }
        if (missing.isEmpty()) {
            return this;
        }
        // A page holds at most PageRequest.MAX_SIZE decisions: its hosts fit in one IN list.
        missing.forEach(id -> byHost.put(id, new ArrayList<>()));
        jdbc.query(
                "SELECT cv.host_id, cv.eff_from, cv.eff_to, cv.valid_until, cv.a1, cv.a2, cv.a3, cv.a4, cv.a5, cv.a6"
                        + " FROM rm_cert_version cv WHERE cv.host_id IN (:hosts) AND cv.scheme = 'HDS'"
                        + " AND cv.status = 'VALID' AND cv.rec_from <= :knownAt AND cv.rec_to > :knownAt",
                new MapSqlParameterSource(at.getValues()).addValue("hosts", missing),
                rs -> {
                    int[] activities = new int[6];
                    for (int a = 1; a <= 6; a++) {
                        activities[a - 1] = rs.getInt("a" + a);
                    }
                    byHost.get(rs.getString("host_id"))
                            .add(new Version(
                                    rs.getObject("eff_from", LocalDate.class),
                                    rs.getObject("eff_to", LocalDate.class),
                                    rs.getObject("valid_until", LocalDate.class),
                                    activities));
                });
        return this;
    }

    /** Coverage flags (1 = covered) of activities 1 to 6 on {@code date}, or null when no valid certificate. */
    int[] on(String hostId, LocalDate date) {
        if (hostId == null) {
            return null;
        }
        if (!byHost.containsKey(hostId)) {
            load(List.of(hostId));
        }
        int[] covered = null;
        for (Version v : byHost.get(hostId)) {
            if (v.effFrom().isAfter(date)
                    || !v.effTo().isAfter(date)
                    || v.validUntil().isBefore(date)) {
                continue;
            }
            if (covered == null) {
                covered = new int[6];
            }
            for (int a = 0; a < 6; a++) {
                covered[a] = Math.max(covered[a], v.activities()[a]);
            }
        }
        return covered;
    }
}
