package org.hostledger.api.application.registers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.api.application.Queries;
import org.hostledger.api.application.WriteResult;
import org.hostledger.core.command.DelistRegisterEntry;
import org.hostledger.core.command.GrantCertification;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.RecordRegisterEntry;
import org.hostledger.core.command.RecordRegisterSnapshot;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.model.RegisterFinding;
import org.hostledger.core.model.RegisterKeys;
import org.hostledger.core.model.SchemeCatalog;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.CertificationView;
import org.hostledger.core.query.FindCertification;
import org.hostledger.core.query.FindRegisterDecisions;
import org.hostledger.core.query.FindRegisterHoldings;
import org.hostledger.core.query.ListOfferings;
import org.hostledger.core.query.ListRegisterSnapshots;
import org.hostledger.core.query.OfferingList;
import org.hostledger.core.query.PageRequest;
import org.hostledger.core.query.RegisterDecisions;
import org.hostledger.core.query.RegisterHoldings;
import org.hostledger.core.query.RegisterSnapshotPage;
import org.hostledger.core.query.RegisterSnapshotView;
import org.hostledger.core.query.TimePoint;
import org.hostledger.store.engine.EventStoreRecords;
import org.hostledger.store.processing.ProjectionProgress;
import org.springframework.stereotype.Service;

/**
 * Imports a register's snapshot: reads it completely first (a file that cannot be read records nothing), then diffs
 * it against what the ledger holds for that register — the registers view, awaited up to the store's head so that
 * it lags nothing — and sends the ordinary commands that make the ledger match, through the same handlers and rules
 * as REST, committed in chunks of {@link #CHUNK} ({@link LedgerCommands#sendTogether}). The snapshot's own record
 * comes last: "imported" means that event exists. An import interrupted before it is completed by importing the
 * same file again: what was already recorded no longer differs, and is counted.
 */
@Service
public class RegisterImporter {

    /**
     * Commands committed together by an import (one transaction, one append): a kill -9 leaves a chunk whole or
     * absent, and importing the same file again completes the import from the last whole chunk.
     */
    static final int CHUNK = 1000;

    /** How long an import waits for the views to reach the store's head before diffing. */
    static final Duration CATCH_UP = Duration.ofSeconds(60);

    private final RegisterCatalog catalog;
    private final LedgerCommands commands;
    private final Queries queries;
    private final ProjectionProgress progress;
    private final ObjectMapper mapper;
    private final EventStoreRecords records;
    private final SchemeCatalog schemes;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    /** What each register's last import left, while nobody has written since ({@link CarriedHoldings}). */
    private final Map<String, CarriedHoldings> carried = new ConcurrentHashMap<>();

    private final Map<String, Boolean> diffedFromMemory = new ConcurrentHashMap<>();

    public RegisterImporter(
            RegisterCatalog catalog,
            LedgerCommands commands,
            Queries queries,
            ProjectionProgress progress,
            ObjectMapper mapper,
            EventStoreRecords records,
            SchemeCatalog schemes) {
        this.catalog = catalog;
        this.schemes = schemes;
        this.commands = commands;
        this.queries = queries;
        this.progress = progress;
        this.mapper = mapper;
        this.records = records;
    }

    public RegisterDefinition register(String id) {
        return catalog.find(id)
                .orElseThrow(() ->
                        new SnapshotRefused(SnapshotRefused.Reason.UNKNOWN_REGISTER, "no register '" + id + "'", null));
    }

    /**
     * Imports one snapshot and answers once every view holds it (the REST endpoint: a read that follows sees it).
     *
     * @param file the file exactly as published (decompressed)
     * @param url where it was published, when known
     */
    public SnapshotImport importSnapshot(
            String registerId, byte[] file, Instant publishedAt, String url, String actor) {
        return importSnapshot(registerId, file, publishedAt, url, actor, true);
    }

    /**
     * @param awaitViews whether to answer only once every view holds the import; false for all but the last file of
     *     a series (the command line, the benchmark): the views catch up while the next file is read and diffed, and
     *     the answer's {@code recordedAt} comes from the event store instead of the registers view
     */
    public SnapshotImport importSnapshot(
            String registerId, byte[] file, Instant publishedAt, String url, String actor, boolean awaitViews) {
        RegisterDefinition register = register(registerId);
        if (file.length == 0) {
            throw new SnapshotUnreadable(
                    register.format() == RegisterFormat.FEDRAMP_JSON ? "$" : "line 1", "the snapshot is empty");
        }
        RegisterCitation citation = new RegisterCitation(register.id(), publishedAt, sha256Of(file), url);
        Plan plan;
        if (register.format() == RegisterFormat.TRANSFER_MAP_CSV) {
            TransferMap map = new TransferMapReader().read(new ByteArrayInputStream(file));
            // A transfer map records offerings and then decisions that read them: one command at a time.
            plan = new Plan(
                    map.offerings().size(),
                    List.of(),
                    false,
                    false,
                    (holdings, latest, changes, decisions) -> TransferMapDiff.commands(
                            citation,
                            map,
                            queries.ask(
                                            new ListOfferings(
                                                    null, null, true, TimePoint.asKnownNow(citation.publishedOn())),
                                            OfferingList.class)
                                    .items(),
                            changes,
                            records::kindOf));
        } else {
            ParsedSnapshot snapshot = reader(register).read(new ByteArrayInputStream(file), publishedAt);
            if (snapshot.entries().isEmpty()) {
                // A list that suddenly holds nothing is a broken export, not every entry delisted at once.
                throw new SnapshotUnreadable(null, "the snapshot lists no entry");
            }
            boolean fedramp = register.format() == RegisterFormat.FEDRAMP_JSON;
            // The diff asks the kind of the same hosts for each of their entries and authorizations: once is enough,
            // since nothing is written while it runs.
            RecordKinds kinds = new RecordKinds(records::kindOf, records::kindsOf);
            plan = new Plan(
                    snapshot.entries().size(),
                    snapshot.findings(),
                    true,
                    fedramp,
                    (holdings, latest, changes, decisions) -> {
                        List<LedgerCommand> toSend = diff(
                                citation,
                                snapshot,
                                holdings,
                                latest,
                                changes,
                                new Links(register(citation.register()).scheme(), citation, kinds));
                        if (register.format() == RegisterFormat.REGISTER_CSV) {
                            toSend.addAll(
                                    0,
                                    CertificateSync.commands(
                                            citation,
                                            register.scheme(),
                                            snapshot,
                                            holdings,
                                            toSend,
                                            changes,
                                            id -> java.util.Optional.ofNullable(queries.ask(
                                                    new FindCertification(
                                                            id, TimePoint.asKnownNow(citation.publishedOn())),
                                                    CertificationView.class)),
                                            kinds));
                        }
                        if (register.format() == RegisterFormat.FEDRAMP_JSON) {
                            toSend.addAll(AgencyAuthorizations.commands(citation, snapshot, decisions, changes, kinds));
                        }
                        return toSend;
                    });
        }
        ReentrantLock lock = locks.computeIfAbsent(register.id(), k -> new ReentrantLock());
        lock.lock();
        try {
            return apply(citation, plan, actor, awaitViews);
        } finally {
            lock.unlock();
        }
    }

    /**
     * What a read snapshot holds, and how to work out the commands that make the ledger say the same; {@code
     * together}: whether they may be committed in chunks ({@link LedgerCommands#sendTogether}) rather than one by one;
     * {@code carries}: whether what the import leaves can be kept in memory for the next one ({@link CarriedHoldings}:
     * a FedRAMP register, whose diff reads only the registers view, its agency decisions and the event store).
     */
    private record Plan(
            int entries, List<RegisterFinding> findings, boolean together, boolean carries, Planner planner) {}

    @FunctionalInterface
    private interface Planner {
        List<LedgerCommand> commands(
                RegisterHoldings holdings,
                RegisterSnapshotView latest,
                Map<String, Integer> changes,
                RegisterDecisions decisions);
    }

    /**
     * Whether the last import of {@code register} was diffed against what the previous import left in memory rather
     * than against the views (for tests).
     */
    boolean lastDiffedFromMemory(String register) {
        return Boolean.TRUE.equals(diffedFromMemory.get(register));
    }

    /** What the last import of {@code register} left in memory, if it may still be used (for tests). */
    CarriedHoldings carried(String register) {
        return carried.get(register);
    }

    private SnapshotImport apply(RegisterCitation citation, Plan plan, String actor, boolean awaitViewsAfter) {
        // Whatever happens next, the state the last import left is used at most once: a refusal or a crash mid-way
        // leaves the views to say what was recorded.
        CarriedHoldings known = carried.remove(citation.register());
        long head = progress.head();
        boolean fromMemory = plan.carries() && known != null && known.position() == head;
        diffedFromMemory.put(citation.register(), fromMemory);
        RegisterHoldings holdings;
        // A FedRAMP diff reads the register's agency decisions (and only a FedRAMP register carries them); null else.
        RegisterDecisions decisions;
        Map<String, RegisterSnapshotView> importedBefore;
        if (fromMemory) {
            holdings = known.holdings(citation.sha256());
            decisions = known.decisions();
            importedBefore = known.importedBySha256();
        } else {
            awaitViews(head);
            holdings = queries.ask(
                    new FindRegisterHoldings(citation.register(), citation.sha256()), RegisterHoldings.class);
            decisions = plan.carries()
                    ? queries.ask(new FindRegisterDecisions(citation.register()), RegisterDecisions.class)
                    : null;
            importedBefore = null;
        }
        if (holdings.imported() != null) {
            restore(known, fromMemory);
            if (awaitViewsAfter) {
                awaitViews(head);
            }
            RegisterSnapshotView done = holdings.imported();
            return new SnapshotImport(
                    done.register(),
                    done.publishedAt(),
                    done.sha256(),
                    done.recordedAt(),
                    null,
                    done.position(),
                    done.entries(),
                    done.changes(),
                    done.findings(),
                    true);
        }
        RegisterSnapshotView latest = holdings.latest();
        if (latest != null && !citation.publishedAt().isAfter(latest.publishedAt())) {
            restore(known, fromMemory);
            throw new SnapshotRefused(
                    SnapshotRefused.Reason.OLDER_THAN_LATEST,
                    "the latest imported snapshot of " + citation.register() + " was published " + latest.publishedAt()
                            + "; this one (" + citation.publishedAt() + ") is not later",
                    latest.publishedAt());
        }
        Map<String, Integer> changes = new TreeMap<>(holdings.recordedCiting());
        List<LedgerCommand> toSend = plan.planner().commands(holdings, latest, changes, decisions);
        String correlationId = UUID.randomUUID().toString();
        Long positionFrom = null;
        // Whether every event from the head read above to the snapshot's record is this import's own: only then is
        // what the import read plus what it sent exactly what the views will hold (positions have no gaps).
        long expected = head + 1;
        boolean onlyOurs = true;
        if (plan.together()) {
            for (int from = 0; from < toSend.size(); from += CHUNK) {
                LedgerCommands.Positions written = commands.sendTogether(
                        toSend.subList(from, Math.min(toSend.size(), from + CHUNK)), actor, correlationId);
                if (positionFrom == null) {
                    positionFrom = written.from();
                }
                onlyOurs &= written.from() == expected;
                expected = written.to() + 1;
            }
        } else {
            for (LedgerCommand command : toSend) {
                WriteResult written = commands.sendAs(command, actor, correlationId);
                if (positionFrom == null) {
                    positionFrom = written.position();
                }
            }
        }
        WriteResult recorded = commands.sendAs(
                new RecordRegisterSnapshot(
                        RegisterKeys.register(citation.register()),
                        latest == null,
                        citation,
                        plan.entries(),
                        changes,
                        plan.findings()),
                actor,
                correlationId);
        onlyOurs &= recorded.position() == expected;
        Instant recordedAt;
        if (awaitViewsAfter) {
            awaitViews(recorded.position());
            RegisterSnapshotPage page = queries.ask(
                    new ListRegisterSnapshots(citation.register(), null, new PageRequest(0, 1)),
                    RegisterSnapshotPage.class);
            recordedAt = page.items().isEmpty() ? null : page.items().get(0).recordedAt();
        } else {
            // To the millisecond, as the events reach the views (and so as the registers view answers it).
            recordedAt = records.recordedAt(recorded.position())
                    .map(at -> at.truncatedTo(ChronoUnit.MILLIS))
                    .orElse(null);
        }
        if (plan.carries() && onlyOurs && plan.together()) {
            carried.put(
                    citation.register(),
                    CarriedHoldings.after(
                            citation,
                            holdings,
                            decisions,
                            importedBefore != null ? importedBefore : importedSnapshots(citation.register()),
                            toSend,
                            CarriedHoldings.snapshot(
                                    citation,
                                    recordedAt,
                                    recorded.position(),
                                    plan.entries(),
                                    changes,
                                    plan.findings().size())));
        }
        return new SnapshotImport(
                citation.register(),
                citation.publishedAt(),
                citation.sha256(),
                recordedAt,
                positionFrom == null ? recorded.position() : positionFrom,
                recorded.position(),
                plan.entries(),
                changes,
                plan.findings().size(),
                false);
    }

    /** The commands that make the ledger say what the snapshot says, counting each change by kind. */
    static List<LedgerCommand> diff(
            RegisterCitation citation,
            ParsedSnapshot snapshot,
            RegisterHoldings holdings,
            RegisterSnapshotView latest,
            Map<String, Integer> changes,
            Links links) {
        LocalDate publishedOn = citation.publishedOn();
        List<LedgerCommand> toSend = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ParsedSnapshot.Entry entry : snapshot.entries()) {
            seen.add(entry.entryId());
            String key = RegisterKeys.entry(citation.register(), entry.entryId());
            RegisterHoldings.Holding held = holdings.entries().get(entry.entryId());
            if (held == null) {
                LocalDate effectiveOn = entry.registerDate() == null ? publishedOn : entry.registerDate();
                RegisterEntryFacts facts = links.link(entry, toSend, changes);
                toSend.add(new RecordRegisterEntry(key, true, citation, entry.entryId(), facts, effectiveOn));
                changes.merge("LISTED", 1, Integer::sum);
            } else if (!held.listed()) {
                RegisterEntryFacts facts = entry.facts()
                        .linkedTo(held.facts().hostId(), held.facts().certificationId());
                toSend.add(new RecordRegisterEntry(key, false, citation, entry.entryId(), facts, publishedOn));
                changes.merge("RELISTED", 1, Integer::sum);
            } else {
                List<String> fields = entry.facts().changedFrom(held.facts());
                if (fields.isEmpty()) {
                    continue;
                }
                // The register's own date says when the entry reached its new stage, if it is not before what the
                // ledger already recorded of it; any other change is dated by the first publication showing it.
                LocalDate effectiveOn = fields.contains("status")
                                && entry.registerDate() != null
                                && !entry.registerDate().isBefore(held.lastEffectiveOn())
                        ? entry.registerDate()
                        : publishedOn;
                RegisterEntryFacts facts = entry.facts()
                        .linkedTo(held.facts().hostId(), held.facts().certificationId());
                toSend.add(new RecordRegisterEntry(key, false, citation, entry.entryId(), facts, effectiveOn));
                for (String field : fields) {
                    changes.merge(field.toUpperCase(java.util.Locale.ROOT), 1, Integer::sum);
                }
            }
        }
        new TreeMap<>(holdings.entries()).forEach((entryId, held) -> {
            if (held.listed() && !seen.contains(entryId)) {
                toSend.add(new DelistRegisterEntry(
                        RegisterKeys.entry(citation.register(), entryId),
                        citation,
                        latest == null ? null : latest.publishedAt(),
                        publishedOn));
                changes.merge("DELISTED", 1, Integer::sum);
            }
        });
        return toSend;
    }

    /**
     * The host and certificate of a new entry of a list that names them (the ANS and ANSSI lists), recorded with the
     * ordinary commands before the entry itself. A host is known by the slug of its name: an existing host under that
     * id is the same host; a certificate by the register and the entry's id, so that an interrupted import that
     * already recorded them finds them again.
     */
    static final class Links {
        private final String scheme;
        private final RegisterCitation citation;
        private final java.util.function.Function<String, java.util.Optional<RecordKind>> kindOf;
        private final Set<String> planned = new HashSet<>();

        Links(
                String scheme,
                RegisterCitation citation,
                java.util.function.Function<String, java.util.Optional<RecordKind>> kindOf) {
            this.scheme = scheme;
            this.citation = citation;
            this.kindOf = kindOf;
        }

        RegisterEntryFacts link(ParsedSnapshot.Entry entry, List<LedgerCommand> toSend, Map<String, Integer> changes) {
            ParsedSnapshot.Certificate c = entry.certificate();
            if (c == null) {
                return entry.facts();
            }
            String hostId = Slugs.of(c.host());
            java.util.Optional<RecordKind> hostKind = kindOf.apply(hostId);
            if (hostKind.isPresent() && hostKind.get() != RecordKind.HOST) {
                hostId = Slugs.of(c.host() + " host");
                hostKind = kindOf.apply(hostId);
            }
            List<SourceNote> sources = List.of(citation.note());
            if (hostKind.isEmpty() && planned.add(hostId)) {
                toSend.add(new RegisterHost(
                        hostId, c.host(), c.country(), c.parentCompany(), c.parentCountry(), c.validFrom(), sources));
                changes.merge("HOST_REGISTERED", 1, Integer::sum);
            } else if (hostKind.isPresent() && hostKind.get() != RecordKind.HOST) {
                return entry.facts();
            }
            String certificationId = Slugs.of(citation.register() + " " + entry.entryId());
            java.util.Optional<RecordKind> certKind = kindOf.apply(certificationId);
            if (certKind.isEmpty() && planned.add(certificationId)) {
                toSend.add(new GrantCertification(
                        certificationId,
                        hostId,
                        scheme,
                        c.referential(),
                        c.certifier(),
                        c.activities(),
                        null,
                        c.validFrom(),
                        c.validUntil(),
                        sources));
                changes.merge("CERTIFICATION_GRANTED", 1, Integer::sum);
            } else if (certKind.isPresent() && certKind.get() != RecordKind.CERTIFICATION) {
                return entry.facts().linkedTo(hostId, null);
            }
            return entry.facts().linkedTo(hostId, certificationId);
        }
    }

    /** Keeps what the last import left for the next one when this one recorded nothing. */
    private void restore(CarriedHoldings known, boolean stillValid) {
        if (stillValid) {
            carried.putIfAbsent(known.register(), known);
        }
    }

    /** Every snapshot of the register the registers view holds, by SHA-256 (read after the views were awaited). */
    private Map<String, RegisterSnapshotView> importedSnapshots(String register) {
        Map<String, RegisterSnapshotView> bySha256 = new HashMap<>();
        for (int n = 0; ; n++) {
            RegisterSnapshotPage page = queries.ask(
                    new ListRegisterSnapshots(register, null, new PageRequest(n, PageRequest.MAX_SIZE)),
                    RegisterSnapshotPage.class);
            page.items().forEach(s -> bySha256.putIfAbsent(s.sha256(), s));
            if (page.items().size() < PageRequest.MAX_SIZE) {
                return bySha256;
            }
        }
    }

    private void awaitViews(long position) {
        if (position >= 0 && !progress.await(position, CATCH_UP)) {
            throw new SnapshotRefused(
                    SnapshotRefused.Reason.VIEWS_BEHIND,
                    "the registers view has not caught up with the ledger (position " + position
                            + "); try again shortly",
                    null);
        }
    }

    private SnapshotReader reader(RegisterDefinition register) {
        return switch (register.format()) {
            case FEDRAMP_JSON -> new FedrampSnapshotReader(mapper);
            case REGISTER_CSV ->
                new RegisterCsvReader(schemes.find(register.scheme())
                        .orElseThrow(() -> new IllegalStateException(
                                "register " + register.id() + " names an unknown scheme " + register.scheme()))
                        .maxValidityYears());
            case TRANSFER_MAP_CSV -> throw new IllegalArgumentException("transfer maps are read by TransferMapReader");
        };
    }

    public static String sha256Of(byte[] file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(file));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
