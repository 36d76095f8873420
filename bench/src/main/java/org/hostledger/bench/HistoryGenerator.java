package org.hostledger.bench;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.hostledger.core.event.CertificationCorrected;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationReinstated;
import org.hostledger.core.event.CertificationRenewed;
import org.hostledger.core.event.CertificationScopeChanged;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.CertificationWithdrawn;
import org.hostledger.core.event.HostCorrected;
import org.hostledger.core.event.HostOwnershipChanged;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionEnded;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.LedgerEvent;
import org.hostledger.core.event.MigrationPlanned;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.SourceNote;

/**
 * A realistic history, written straight to the event store (the same storage engine, chain and indexes as commands
 * use, without the command side's per-command cost, so that a million events take a minute rather than an hour).
 * The mix is the domain's: each host has a few certificates with full lifecycles (renewals, suspensions and
 * reinstatements, withdrawals, scope changes, corrections) and serves a few decisions, with challenges, migration
 * plans, endings and corrections. Every record's changes are in date order, as the aggregates require.
 */
final class HistoryGenerator {

    private static final String[] COUNTRIES = {"FR", "FR", "FR", "DE", "NL", "IE", "BE"};
    private static final String[][] PARENTS = {{"Big Cloud Inc", "US"}, {"Euro Holding SA", "LU"}, {"Sino Data", "CN"}};
    private static final ProcurementRoute[] ROUTES = ProcurementRoute.values();
    private static final LocalDate START = LocalDate.of(2018, 1, 1);
    private static final int BATCH = 500;

    /** What was generated: ids to query, and the span of recorded instants. */
    record History(
            List<String> hosts,
            List<String> certifications,
            List<String> decisions,
            long events,
            Instant firstRecorded,
            Instant lastRecorded) {}

    private final EventStore eventStore;
    private final Random random;
    private final List<DomainEventMessage<?>> batch = new ArrayList<>(BATCH);
    private final Map<String, Long> sequences = new HashMap<>();
    private long published;

    HistoryGenerator(EventStore eventStore, long seed) {
        this.eventStore = eventStore;
        this.random = new Random(seed);
    }

    History generate(long events, String prefix) {
        List<String> hosts = new ArrayList<>();
        List<String> certifications = new ArrayList<>();
        List<String> decisions = new ArrayList<>();
        Instant first = Instant.now();
        int unit = 0;
        while (published + batch.size() < events) {
            String host = prefix + "h" + unit;
            hosts.add(host);
            host(host);
            for (int c = 0; c < 4; c++) {
                String cert = prefix + "c" + unit + "-" + c;
                certifications.add(cert);
                certification(cert, host);
            }
            for (int d = 0; d < 8; d++) {
                String decision = prefix + "d" + unit + "-" + d;
                decisions.add(decision);
                decision(decision, host);
            }
            unit++;
        }
        flush();
        return new History(hosts, certifications, decisions, published, first, Instant.now());
    }

    private void host(String id) {
        LocalDate registered = START.plusDays(random.nextInt(365));
        String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
        String[] parent = random.nextInt(4) == 0 ? PARENTS[random.nextInt(PARENTS.length)] : null;
        emit(
                "Host",
                new HostRegistered(
                        id,
                        "Hosting company " + id,
                        country,
                        parent == null ? null : parent[0],
                        parent == null ? null : parent[1],
                        registered,
                        sources("Registry extract", registered)));
        if (random.nextInt(10) == 0) {
            String[] buyer = PARENTS[random.nextInt(PARENTS.length)];
            LocalDate on = registered.plusDays(365 + random.nextInt(1500));
            emit(
                    "Host",
                    new HostOwnershipChanged(
                            id,
                            buyer[0],
                            buyer[1],
                            on,
                            "acquisition announced",
                            sources("Press release on the acquisition", on)));
        }
        if (random.nextInt(30) == 0) {
            emit(
                    "Host",
                    new HostCorrected(
                            id,
                            "Hosting company " + id + " SAS",
                            country,
                            null,
                            null,
                            registered,
                            "legal name as in the trade register",
                            sources("Trade register", registered)));
        }
    }

    private void certification(String id, String host) {
        LocalDate from = START.plusDays(random.nextInt(700));
        LocalDate until = from.plusYears(3);
        List<Integer> activities = activities();
        emit(
                "Certification",
                new CertificationGranted(
                        id,
                        host,
                        "HDS",
                        "v1",
                        "Certification body " + random.nextInt(9),
                        activities,
                        null,
                        from,
                        until,
                        sources("Certificate of conformity", from)));
        LocalDate last = from;
        boolean withdrawn = false;
        if (random.nextInt(7) == 0) {
            last = from.plusDays(100 + random.nextInt(200));
            emit(
                    "Certification",
                    new CertificationSuspended(
                            id,
                            last,
                            "major non-conformity at the surveillance audit",
                            sources("Surveillance audit report", last)));
            if (random.nextInt(5) > 0) {
                last = last.plusDays(30 + random.nextInt(60));
                emit(
                        "Certification",
                        new CertificationReinstated(
                                id, last, "corrective actions accepted", sources("Follow-up audit", last)));
            } else {
                last = last.plusDays(60);
                emit(
                        "Certification",
                        new CertificationWithdrawn(
                                id, last, "non-conformity not remedied", sources("Withdrawal notice", last)));
                withdrawn = true;
            }
        }
        if (!withdrawn && random.nextInt(20) == 0) {
            last = last.plusDays(30);
            List<Integer> narrower =
                    activities.size() > 1 ? activities.subList(0, activities.size() - 1) : List.of(1, 2);
            if (!narrower.equals(activities)) {
                emit(
                        "Certification",
                        new CertificationScopeChanged(
                                id, narrower, last, "activity dropped", sources("Updated certificate", last)));
            }
        }
        if (!withdrawn) {
            for (int renewal = 0; renewal < 1 + random.nextInt(2); renewal++) {
                LocalDate on = until.minusDays(30);
                if (on.isBefore(last)) {
                    break;
                }
                until = until.plusYears(3);
                last = on;
                emit(
                        "Certification",
                        new CertificationRenewed(
                                id, until, renewal == 1 ? "v2.0" : null, on, sources("Renewal audit", on)));
            }
        }
        if (random.nextInt(50) == 0) {
            emit(
                    "Certification",
                    new CertificationCorrected(
                            id,
                            host,
                            "v1",
                            "Certification body (corrected)",
                            activities,
                            null,
                            from,
                            from.plusYears(3),
                            "certifier misread",
                            sources("Official list", from)));
        }
    }

    private void decision(String id, String host) {
        LocalDate decided = START.plusDays(200 + random.nextInt(2000));
        List<Integer> activities = activities();
        ProcurementRoute route = ROUTES[random.nextInt(ROUTES.length)];
        String controller = "Controller " + random.nextInt(500);
        emit(
                "HostingDecision",
                new HostingDecisionRecorded(
                        id,
                        controller,
                        "Information system " + id,
                        host,
                        activities,
                        decided,
                        route,
                        random.nextBoolean() ? "Integrator " + random.nextInt(50) : null,
                        "Chosen for its price and its availability; see the board's minutes.",
                        List.of("Alternative host"),
                        sources("Board minutes", decided)));
        LocalDate last = decided;
        int challenges = random.nextInt(4);
        for (int c = 0; c < challenges; c++) {
            LocalDate on = decided.plusDays(30 + random.nextInt(900));
            last = on.isAfter(last) ? on : last;
            emit(
                    "HostingDecision",
                    new HostingDecisionChallenged(
                            id,
                            "Member of parliament " + random.nextInt(100),
                            on,
                            "Exposure of health data to non-EU law",
                            "Assemblée nationale",
                            null,
                            sources("Written question", on)));
        }
        if (random.nextInt(10) < 3) {
            LocalDate on = last.plusDays(10);
            last = on;
            emit(
                    "HostingDecision",
                    new MigrationPlanned(
                            id,
                            null,
                            "A SecNumCloud-qualified provider",
                            on.plusYears(2),
                            on,
                            "sovereignty requirement",
                            sources("Migration plan", on)));
        }
        if (random.nextInt(30) == 0) {
            emit(
                    "HostingDecision",
                    new HostingDecisionCorrected(
                            id,
                            controller,
                            "Information system " + id,
                            host,
                            activities,
                            decided.minusDays(10),
                            route,
                            null,
                            "Chosen for its price.",
                            List.of(),
                            "decision date from the signed contract",
                            sources("Signed contract", decided)));
            decided = decided.minusDays(10);
        }
        if (random.nextInt(7) == 0) {
            LocalDate on = last.plusDays(200);
            emit(
                    "HostingDecision",
                    new HostingDecisionEnded(id, on, "migrated", null, sources("Completion report", on)));
        }
    }

    private List<Integer> activities() {
        TreeSet<Integer> set = new TreeSet<>();
        if (random.nextInt(2) == 0) {
            return List.of(1, 2, 3, 4, 5, 6);
        }
        int count = 1 + random.nextInt(5);
        while (set.size() < count) {
            set.add(1 + random.nextInt(6));
        }
        return new ArrayList<>(set);
    }

    private List<SourceNote> sources(String title, LocalDate publishedOn) {
        return List.of(
                new SourceNote(title, "https://example.org/documents/" + random.nextInt(1_000_000), publishedOn));
    }

    private void emit(String type, LedgerEvent event) {
        long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
        if (sequence > 0 && sequences.size() > 50_000) {
            // Only recent records get more events; forgetting old ones keeps the generator's memory flat.
            sequences.clear();
            sequences.put(event.aggregateId(), sequence + 1);
        }
        batch.add(new GenericDomainEventMessage<>(
                type,
                event.aggregateId(),
                sequence,
                event,
                MetaData.with("actor", "bench-generator").and("correlationId", "bench-" + published / BATCH)));
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            eventStore.publish(List.copyOf(batch));
            published += batch.size();
            batch.clear();
        }
    }
}
