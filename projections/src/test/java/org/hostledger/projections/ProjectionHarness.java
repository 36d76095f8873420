package org.hostledger.projections;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.GenericTrackedDomainEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.hostledger.core.event.LedgerEvent;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.query.TimePoint;
import org.hostledger.projections.compliance.ComplianceQueries;
import org.hostledger.projections.hostingmap.HostingMapProjection;
import org.hostledger.projections.hostingmap.HostingMapQueries;
import org.hostledger.projections.registry.RegistryProjection;
import org.hostledger.projections.registry.RegistryQueries;
import org.hostledger.projections.sovereignty.SovereigntyQueries;
import org.hostledger.projections.support.ProjectionBatch;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * The projections on a private in-memory database migrated by the real Flyway scripts, fed through Axon's own
 * annotation adapter exactly as a processor would: global index, recorded time and sequence number included.
 */
public final class ProjectionHarness {

    public static final List<SourceNote> SOURCES = List.of(new SourceNote("test", null, null));

    public final JdbcTemplate jdbc;
    public final RegistryQueries registry;
    public final HostingMapQueries hostingMap;
    public final ComplianceQueries compliance;
    public final SovereigntyQueries sovereignty;
    public final org.hostledger.projections.offerings.OfferingsQueries offerings;
    public final org.hostledger.projections.alerts.AlertQueries alerts;

    /** Every write statement sent, once per row it was sent for. */
    public final List<String> statements = new java.util.ArrayList<>();

    private final List<AnnotationEventHandlerAdapter> handlers;
    private final Map<String, Long> sequences = new HashMap<>();
    private long globalIndex;
    private Instant clock = Instant.parse("2026-01-01T10:00:00Z");

    public ProjectionHarness() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        jdbc = new JdbcTemplate(dataSource) {
            @Override
            public int[] batchUpdate(String sql, List<Object[]> batchArgs) {
                batchArgs.forEach(args -> statements.add(sql));
                return super.batchUpdate(sql, batchArgs);
            }

            @Override
            public int update(String sql, Object... args) {
                statements.add(sql);
                return super.update(sql, args);
            }
        };
        NamedParameterJdbcTemplate named = new NamedParameterJdbcTemplate(jdbc);
        handlers = List.of(
                new AnnotationEventHandlerAdapter(new RegistryProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new HostingMapProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new org.hostledger.projections.offerings.OfferingsProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new org.hostledger.projections.alerts.AlertsProjection(jdbc)),
                new AnnotationEventHandlerAdapter(new org.hostledger.projections.registers.RegistersProjection(jdbc)));
        registry = new RegistryQueries(named);
        hostingMap = new HostingMapQueries(named);
        compliance = new ComplianceQueries(named);
        sovereignty = new SovereigntyQueries(named);
        offerings = new org.hostledger.projections.offerings.OfferingsQueries(named);
        alerts = new org.hostledger.projections.alerts.AlertQueries(named, compliance);
    }

    /**
     * Records the event one minute after the previous one and hands it to every projection in a unit of work of its
     * own, as a processor does with a batch of one; answers that instant.
     */
    public Instant feed(LedgerEvent event) {
        feedInOneBatch(event);
        return clock;
    }

    public void feedAll(LedgerEvent... events) {
        for (LedgerEvent event : events) {
            feed(event);
        }
    }

    /** The events handed to the projections in one unit of work, as a processor does with a batch. */
    public void feedInOneBatch(LedgerEvent... events) {
        feedInOneBatch(false, events);
    }

    /**
     * The events handed to the projections as a bulk replay does, in batches of {@code batchSize} whose units of work
     * say so ({@link ProjectionBatch#BULK_REPLAY}).
     */
    public void feedAsBulkReplay(int batchSize, LedgerEvent... events) {
        for (int from = 0; from < events.length; from += batchSize) {
            feedInOneBatch(true, java.util.Arrays.copyOfRange(events, from, Math.min(events.length, from + batchSize)));
        }
    }

    /**
     * Replays {@code history} from empty tables as a bulk replay does, twice, calling {@code check} after each: whole,
     * its batches leaving the {@code counts} tables of {@code projection} empty and counted at its end; then stopped
     * half-way, counted then, and kept up one event at a time from there, as the processor that takes over does.
     */
    public void checkBulkReplays(
            List<LedgerEvent> history,
            String projection,
            List<String> counts,
            java.util.function.Consumer<String> check) {
        resetAll();
        feedAsBulkReplay(5, history.toArray(LedgerEvent[]::new));
        for (String table : counts) {
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class))
                    .as("a bulk replay's batches leave %s out", table)
                    .isZero();
        }
        MaintainedCounts.recount(jdbc, projection);
        check.accept("bulk-replayed, counted at the end");

        resetAll();
        int half = history.size() / 2;
        feedAsBulkReplay(5, history.subList(0, half).toArray(LedgerEvent[]::new));
        MaintainedCounts.recount(jdbc, projection);
        history.subList(half, history.size()).forEach(this::feed);
        check.accept("bulk-replayed half-way, then one by one");
    }

    private void feedInOneBatch(boolean bulkReplay, LedgerEvent... events) {
        List<GenericTrackedDomainEventMessage<LedgerEvent>> messages = new java.util.ArrayList<>();
        for (LedgerEvent event : events) {
            clock = clock.plus(1, ChronoUnit.MINUTES);
            long sequence = sequences.merge(event.aggregateId(), 1L, Long::sum) - 1;
            globalIndex++;
            GenericDomainEventMessage<LedgerEvent> message = new GenericDomainEventMessage<>(
                    "Test",
                    event.aggregateId(),
                    sequence,
                    event,
                    MetaData.emptyInstance(),
                    UUID.randomUUID().toString(),
                    clock);
            messages.add(new GenericTrackedDomainEventMessage<>(new GlobalSequenceTrackingToken(globalIndex), message));
        }
        BatchingUnitOfWork<GenericTrackedDomainEventMessage<LedgerEvent>> unitOfWork =
                new BatchingUnitOfWork<>(messages);
        if (bulkReplay) {
            unitOfWork.resources().put(ProjectionBatch.BULK_REPLAY, Boolean.TRUE);
        }
        ResultMessage<?> result = unitOfWork.executeWithResult(() -> {
            for (AnnotationEventHandlerAdapter handler : handlers) {
                if (handler.canHandle(unitOfWork.getMessage())) {
                    handler.handle(unitOfWork.getMessage());
                }
            }
            return null;
        });
        if (result.isExceptional()) {
            throw new IllegalStateException(result.exceptionResult());
        }
    }

    public Instant now() {
        return clock;
    }

    /** The world on {@code date} as known now. */
    public TimePoint asOf(String date) {
        return TimePoint.asKnownNow(LocalDate.parse(date));
    }

    public TimePoint at(String date, Instant knownAt) {
        return new TimePoint(LocalDate.parse(date), knownAt);
    }

    public void resetAll() {
        for (AnnotationEventHandlerAdapter handler : handlers) {
            handler.prepareReset();
        }
        sequences.clear();
        globalIndex = 0;
    }

    public static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /**
     * Feeds {@code history} in batches of one to six events, as a processor may get them; after each batch, {@code
     * check} gets how many events were fed so far and answers how many comparisons it made. Answers their sum.
     */
    public int feedInRandomBatches(
            List<LedgerEvent> history, java.util.Random random, java.util.function.IntUnaryOperator check) {
        int checked = 0;
        for (int i = 0; i < history.size(); ) {
            List<LedgerEvent> batch = history.subList(i, Math.min(i + 1 + random.nextInt(6), history.size()));
            feedInOneBatch(batch.toArray(LedgerEvent[]::new));
            i += batch.size();
            checked += check.applyAsInt(i);
        }
        return checked;
    }

    /**
     * Runs a migration of the read models again, as on a database of an earlier build: drops the tables it creates,
     * forgets it ran, and lets Flyway apply it out of order (later migrations ran already).
     */
    public void migrateAgain(String version, String... tablesItCreates) {
        for (String table : tablesItCreates) {
            jdbc.execute("DROP TABLE " + table);
        }
        jdbc.update("DELETE FROM \"flyway_schema_history\" WHERE \"version\" = ?", version);
        org.flywaydb.core.Flyway.configure()
                .dataSource(jdbc.getDataSource())
                .locations("classpath:db/migration/common")
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** Every date the events name, the day before and the day after, and the open end's eve: where counts change. */
    public static java.util.TreeSet<LocalDate> probes(List<LedgerEvent> history) {
        java.util.TreeSet<LocalDate> probes = new java.util.TreeSet<>();
        for (LedgerEvent event : history) {
            LocalDate date = event.effectiveDate();
            if (date != null) {
                probes.addAll(List.of(date.minusDays(1), date, date.plusDays(1)));
            }
        }
        probes.add(LocalDate.of(9999, 12, 30));
        return probes;
    }

    /** Reads every page of sizes 1 to 7, one past the last included; answers how many pages it checked. */
    public static int walkPages(long expected, String what, PageReader read) {
        int checked = 0;
        for (int size = 1; size <= 7; size++) {
            long seen = 0;
            for (int page = 0; page <= expected / size + 1; page++) {
                long[] answer = read.page(page, size);
                assertThat(answer[0])
                        .as("%s, page %d of size %d", what, page, size)
                        .isEqualTo(expected);
                seen += answer[1];
                checked++;
            }
            assertThat(seen).as("%s, pages of size %d", what, size).isEqualTo(expected);
        }
        return checked;
    }

    @FunctionalInterface
    public interface PageReader {
        /** The page's total and how many items it holds. */
        long[] page(int page, int size);
    }
}
