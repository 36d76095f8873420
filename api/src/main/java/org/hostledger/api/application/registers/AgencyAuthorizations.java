package org.hostledger.api.application.registers;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.hostledger.core.command.EndHostingDecision;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordHostingDecision;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterKeys;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.RegisterDecisions;

/**
 * FedRAMP's agency authorizations as hosting decisions: each agency that authorized a product is a decision
 * (controller = the agency, host = the provider, system = the offering), recorded on the product's register entry so
 * that its compliance is the product's stage; the decision ends when a snapshot no longer shows the agency for that
 * product (or no longer lists the product).
 *
 * <p>Dates: a decision takes effect on the register's own ATO date of that agency when the file gives a plausible one
 * ({@code AtoMapping}), else on the publication date of the first snapshot that shows the agency; it ends on the
 * publication date of the first snapshot that no longer does. The provider is registered as a host when the ledger
 * has none of its name; the Marketplace publishes no country, so its country stays unknown (exposure UNKNOWN) until a
 * correction gives it. An agency that comes back after its decision ended is a new decision (its id carries the
 * date of the snapshot that shows it again).
 */
final class AgencyAuthorizations {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private AgencyAuthorizations() {}

    static List<LedgerCommand> commands(
            RegisterCitation citation,
            ParsedSnapshot snapshot,
            RegisterDecisions held,
            Map<String, Integer> changes,
            RecordKinds kindOf) {
        LocalDate publishedOn = citation.publishedOn();
        // The ids this diff will ask about (the providers' hosts, the new authorizations' decisions), read at once.
        kindOf.read(candidateIds(citation.register(), snapshot, held));
        List<SourceNote> sources = List.of(citation.note());
        Map<String, RegisterHost> hosts = new LinkedHashMap<>();
        List<LedgerCommand> decisions = new ArrayList<>();
        List<LedgerCommand> endings = new ArrayList<>();
        Set<String> shown = new HashSet<>();
        Map<String, String> hostIds = new HashMap<>();
        for (ParsedSnapshot.Entry entry : snapshot.entries()) {
            String entryKey = RegisterKeys.entry(citation.register(), entry.entryId());
            shown.add(entryKey);
            Map<String, RegisterDecisions.Held> current = openByAgency(held, entryKey);
            String provider = entry.facts().provider();
            String system = entry.facts().name();
            for (Map.Entry<String, LocalDate> agency : entry.agencies().entrySet()) {
                if (current.containsKey(agency.getKey())) {
                    continue;
                }
                if (provider == null || provider.isBlank() || system == null || system.isBlank()) {
                    // Without a provider or an offering there is no host or system to name: not guessed.
                    changes.merge("AUTHORIZATION_UNLINKED", 1, Integer::sum);
                    continue;
                }
                LocalDate decidedOn = agency.getValue() == null ? publishedOn : agency.getValue();
                String hostId = hostIds.computeIfAbsent(provider, p -> hostFor(p, kindOf));
                if (hostId == null) {
                    changes.merge("AUTHORIZATION_UNLINKED", 1, Integer::sum);
                    continue;
                }
                if (kindOf.apply(hostId).isEmpty()) {
                    RegisterHost earlier = hosts.get(hostId);
                    if (earlier == null || decidedOn.isBefore(earlier.effectiveOn())) {
                        hosts.put(
                                hostId,
                                new RegisterHost(
                                        hostId, provider, null, null, null, decidedOn, sources, citation.register()));
                    }
                }
                decisions.add(new RecordHostingDecision(
                        decisionId(citation.register(), entry.entryId(), agency.getKey(), publishedOn, kindOf),
                        agency.getKey(),
                        system,
                        hostId,
                        List.of(),
                        decidedOn,
                        ProcurementRoute.UNKNOWN,
                        null,
                        "FedRAMP agency authorization (ATO) of " + system + " (package " + entry.entryId() + ") by "
                                + agency.getKey() + ", as the " + citation.register() + " register lists it",
                        List.of(),
                        sources,
                        null,
                        entryKey));
                changes.merge("AUTHORIZATION_RECORDED", 1, Integer::sum);
            }
            current.forEach((agency, decision) -> {
                if (!entry.agencies().containsKey(agency)) {
                    endings.add(ending(
                            decision,
                            citation,
                            "agency " + agency + " no longer listed as authorizing package " + entry.entryId()));
                    changes.merge("AUTHORIZATION_ENDED", 1, Integer::sum);
                }
            });
        }
        held.byEntry().forEach((entryKey, decisionsOfEntry) -> {
            if (!shown.contains(entryKey)) {
                for (RegisterDecisions.Held decision : decisionsOfEntry) {
                    if (!decision.ended()) {
                        endings.add(ending(decision, citation, "package " + entryKey + " no longer listed"));
                        changes.merge("AUTHORIZATION_ENDED", 1, Integer::sum);
                    }
                }
            }
        });
        changes.merge("HOST_REGISTERED", hosts.size(), Integer::sum);
        changes.remove("HOST_REGISTERED", 0);
        List<LedgerCommand> toSend = new ArrayList<>(hosts.values());
        toSend.addAll(decisions);
        toSend.addAll(endings);
        return toSend;
    }

    /** The host and decision ids that {@link #commands} may ask about for {@code snapshot}. */
    private static Set<String> candidateIds(String register, ParsedSnapshot snapshot, RegisterDecisions held) {
        Set<String> ids = new LinkedHashSet<>();
        for (ParsedSnapshot.Entry entry : snapshot.entries()) {
            Set<String> current = openByAgency(held, RegisterKeys.entry(register, entry.entryId()))
                    .keySet();
            String provider = entry.facts().provider();
            for (String agency : entry.agencies().keySet()) {
                if (!current.contains(agency) && provider != null && !provider.isBlank()) {
                    ids.add(Slugs.of(provider));
                    ids.add(baseDecisionId(register, entry.entryId(), agency));
                }
            }
        }
        return ids;
    }

    /** The entry's decisions that have not ended, by agency. */
    private static Map<String, RegisterDecisions.Held> openByAgency(RegisterDecisions held, String entryKey) {
        Map<String, RegisterDecisions.Held> open = new HashMap<>();
        for (RegisterDecisions.Held decision : held.of(entryKey)) {
            if (!decision.ended()) {
                open.put(decision.controller(), decision);
            }
        }
        return open;
    }

    private static EndHostingDecision ending(RegisterDecisions.Held decision, RegisterCitation citation, String why) {
        return new EndHostingDecision(
                decision.decisionId(),
                citation.publishedOn(),
                why + " by register " + citation.register() + " in its snapshot published " + citation.publishedAt()
                        + " (sha256 " + citation.sha256() + ")",
                null,
                List.of(citation.note()),
                null);
    }

    /** The provider's host: the host of that name's slug, or a new one; null when that id is taken otherwise. */
    private static String hostFor(String provider, Function<String, Optional<RecordKind>> kindOf) {
        String hostId = Slugs.of(provider);
        Optional<RecordKind> kind = kindOf.apply(hostId);
        if (kind.isPresent() && kind.get() != RecordKind.HOST) {
            hostId = Slugs.of(provider + " host");
            kind = kindOf.apply(hostId);
        }
        return kind.isEmpty() || kind.get() == RecordKind.HOST ? hostId : null;
    }

    /** The id of a product's decision for an agency, before any date that tells a later one apart. */
    private static String baseDecisionId(String register, String productId, String agency) {
        String base = Slugs.of(register + " " + productId) + "-" + hash(agency);
        return base.length() > 52 ? base.substring(0, 52) : base;
    }

    /**
     * A stable id per product and agency, so that an interrupted import finds the decisions it already recorded; an
     * agency that comes back after its decision ended gets a new one, dated by the snapshot that shows it again.
     */
    static String decisionId(
            String register,
            String productId,
            String agency,
            LocalDate publishedOn,
            Function<String, Optional<RecordKind>> kindOf) {
        String base = baseDecisionId(register, productId, agency);
        if (kindOf.apply(base).isEmpty()) {
            return base;
        }
        return base + "-" + BASIC.format(publishedOn);
    }

    private static String hash(String agency) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(agency.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5).toLowerCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
