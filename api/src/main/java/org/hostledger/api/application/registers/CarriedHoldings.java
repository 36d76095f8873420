package org.hostledger.api.application.registers;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hostledger.core.command.DelistRegisterEntry;
import org.hostledger.core.command.EndHostingDecision;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordHostingDecision;
import org.hostledger.core.command.RecordRegisterEntry;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterKeys;
import org.hostledger.core.query.RegisterDecisions;
import org.hostledger.core.query.RegisterHoldings;
import org.hostledger.core.query.RegisterSnapshotView;

/**
 * A FedRAMP register as the ledger holds it right after an import, kept in memory by the importer: the entries and the
 * agency decisions that the registers and hosting-map views will answer once they reach {@link #position()}, worked
 * out from what the import read before it plus the commands it recorded (each register command records one event
 * whose effect on those two answers is fixed: see {@link #after}). Valid only while the store's head is still {@link
 * #position()}, that is while nobody has written since; the next snapshot of a series is then diffed against it
 * without waiting for the views, which catch up meanwhile.
 */
final class CarriedHoldings {

    private final String register;
    private final long position;
    private final Map<String, RegisterHoldings.Holding> entries;
    private final Map<String, List<RegisterDecisions.Held>> decisions;
    private final RegisterSnapshotView latest;
    private final Map<String, RegisterSnapshotView> importedBySha256;

    private CarriedHoldings(
            String register,
            long position,
            Map<String, RegisterHoldings.Holding> entries,
            Map<String, List<RegisterDecisions.Held>> decisions,
            RegisterSnapshotView latest,
            Map<String, RegisterSnapshotView> importedBySha256) {
        this.register = register;
        this.position = position;
        this.entries = entries;
        this.decisions = decisions;
        this.latest = latest;
        this.importedBySha256 = importedBySha256;
    }

    /** The store position this state is exact at. */
    long position() {
        return position;
    }

    String register() {
        return register;
    }

    /** The holdings as {@code FindRegisterHoldings} would answer them for a file of that SHA-256, at {@link #position()}. */
    RegisterHoldings holdings(String sha256) {
        return new RegisterHoldings(new HashMap<>(entries), latest, importedBySha256.get(sha256), Map.of());
    }

    /** The register's agency decisions as {@code FindRegisterDecisions} would answer them, at {@link #position()}. */
    RegisterDecisions decisions() {
        Map<String, List<RegisterDecisions.Held>> copy = new TreeMap<>();
        decisions.forEach((entryKey, held) -> copy.put(entryKey, List.copyOf(held)));
        return new RegisterDecisions(copy);
    }

    /**
     * The state after an import that started from {@code holdings} and {@code decisions} (read at one position) and
     * recorded {@code sent} then the snapshot {@code recorded} at {@code position}, nothing else written in between.
     *
     * @param importedBefore every snapshot of the register imported before this one, by SHA-256
     */
    static CarriedHoldings after(
            RegisterCitation citation,
            RegisterHoldings holdings,
            RegisterDecisions decisions,
            Map<String, RegisterSnapshotView> importedBefore,
            List<LedgerCommand> sent,
            RegisterSnapshotView recorded) {
        Map<String, RegisterHoldings.Holding> entries = new HashMap<>(holdings.entries());
        Map<String, String> idOfKey = new HashMap<>();
        entries.keySet().forEach(id -> idOfKey.put(RegisterKeys.entry(citation.register(), id), id));
        Map<String, List<RegisterDecisions.Held>> held = new TreeMap<>();
        Map<String, String> entryOfDecision = new HashMap<>();
        decisions.byEntry().forEach((entryKey, list) -> {
            held.put(entryKey, new ArrayList<>(list));
            list.forEach(d -> entryOfDecision.put(d.decisionId(), entryKey));
        });
        for (LedgerCommand command : sent) {
            if (command instanceof RecordRegisterEntry r) {
                // Listed, relisted or changed: the entry holds the command's facts from its date on.
                entries.put(r.entryId(), new RegisterHoldings.Holding(r.facts(), true, r.effectiveOn()));
                idOfKey.put(r.entryKey(), r.entryId());
            } else if (command instanceof DelistRegisterEntry d) {
                String entryId = idOfKey.get(d.entryKey());
                RegisterHoldings.Holding before = entryId == null ? null : entries.get(entryId);
                if (before == null) {
                    throw new IllegalStateException("delisted " + d.entryKey() + ", which the import did not hold");
                }
                entries.put(entryId, new RegisterHoldings.Holding(before.facts(), false, d.effectiveOn()));
            } else if (command instanceof RecordHostingDecision h && h.registerEntry() != null) {
                List<RegisterDecisions.Held> list = held.computeIfAbsent(h.registerEntry(), k -> new ArrayList<>());
                list.add(new RegisterDecisions.Held(h.decisionId(), h.controller(), false));
                list.sort(Comparator.comparing(RegisterDecisions.Held::decisionId));
                entryOfDecision.put(h.decisionId(), h.registerEntry());
            } else if (command instanceof EndHostingDecision e && entryOfDecision.containsKey(e.decisionId())) {
                held.get(entryOfDecision.get(e.decisionId()))
                        .replaceAll(d -> d.decisionId().equals(e.decisionId())
                                ? new RegisterDecisions.Held(d.decisionId(), d.controller(), true)
                                : d);
            }
        }
        Map<String, RegisterSnapshotView> imported = new HashMap<>(importedBefore);
        imported.put(recorded.sha256(), recorded);
        return new CarriedHoldings(citation.register(), recorded.position(), entries, held, recorded, imported);
    }

    /** The snapshots imported so far, by SHA-256, for the next import's duplicate check. */
    Map<String, RegisterSnapshotView> importedBySha256() {
        return importedBySha256;
    }

    /** A snapshot's view as the registers view will hold it, from its record's position and time. */
    static RegisterSnapshotView snapshot(
            RegisterCitation citation,
            Instant recordedAt,
            long position,
            int entries,
            Map<String, Integer> changes,
            int findings) {
        return new RegisterSnapshotView(
                citation.register(),
                citation.publishedAt(),
                citation.sha256(),
                citation.url(),
                recordedAt,
                position,
                entries,
                new TreeMap<>(changes),
                findings);
    }
}
