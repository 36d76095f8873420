package org.hostledger.projections;

import java.util.List;
import java.util.Map;
import org.hostledger.projections.hostingmap.HostingMapProjection;
import org.hostledger.projections.registry.RegistryProjection;
import org.hostledger.projections.support.CurrentCounts;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The counts each projection keeps as it writes its version rows (see {@link CurrentCounts}), which a bulk replay
 * leaves out and {@link #recount} writes once at its end.
 */
public final class MaintainedCounts {

    private static final Map<String, List<CurrentCounts<?>>> BY_PROJECTION = Map.of(
            HostingMapProjection.NAME,
            List.of(HostingMapProjection.COUNTS),
            RegistryProjection.NAME,
            List.of(RegistryProjection.HOST_COUNTS, RegistryProjection.CERT_COUNTS));

    private MaintainedCounts() {}

    /** Counts again, in the current transaction, what projection {@code name} counts; nothing for the others. */
    public static void recount(JdbcTemplate jdbc, String name) {
        for (CurrentCounts<?> counts : BY_PROJECTION.getOrDefault(name, List.of())) {
            counts.recount(jdbc);
        }
    }
}
