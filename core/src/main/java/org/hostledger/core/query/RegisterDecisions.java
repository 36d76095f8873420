package org.hostledger.core.query;

import java.util.List;
import java.util.Map;

/**
 * A register's agency-authorization decisions.
 *
 * @param byEntry by register entry key, every decision recorded on it, ended or not
 */
public record RegisterDecisions(Map<String, List<Held>> byEntry) {

    /** One decision: its id, the agency (its controller), and whether it has ended. */
    public record Held(String decisionId, String controller, boolean ended) {}

    public List<Held> of(String entryKey) {
        return byEntry.getOrDefault(entryKey, List.of());
    }
}
