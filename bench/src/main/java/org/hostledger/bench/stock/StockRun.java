package org.hostledger.bench.stock;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.hostledger.bench.Rates;
import org.hostledger.core.audit.EventMetadata;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.model.SourceNote;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The stock Axon side of the comparison: a {@link StockAxonApplication} context and the same work as the benchmark
 * does on HostLedger — commands through the command gateway, past events written straight to the event store, and a
 * rebuild of every projection by Axon's own replay (reset the tokens, let the processors catch up).
 */
public final class StockRun implements AutoCloseable {

    private static final Map<String, Object> META = Map.of(EventMetadata.ACTOR, "benchmark");

    private final ConfigurableApplicationContext app;
    private final CommandGateway commands;
    private final EventStore eventStore;
    private final JdbcTemplate jdbc;

    public StockRun(List<String> arguments) {
        List<String> args = new ArrayList<>(arguments);
        args.add("--spring.main.web-application-type=none");
        // The read models' tables only: the event store and tokens are Axon's own (created by StockAxonApplication).
        args.add("--spring.flyway.locations=classpath:db/migration/common");
        // Nor HostLedger's job scheduler (db-scheduler, on the classpath): its table is not among those, and it logged
        // an error at every poll ("scheduled_tasks" not found) all through the stock run.
        args.add("--db-scheduler.enabled=false");
        app = new SpringApplicationBuilder(StockAxonApplication.class).run(args.toArray(String[]::new));
        commands = app.getBean(CommandGateway.class);
        eventStore = app.getBean(EventStore.class);
        jdbc = app.getBean(JdbcTemplate.class);
    }

    public EventStore eventStore() {
        return eventStore;
    }

    /** Commands per second with {@code threads} clients. */
    public double rate(int threads, int count, LongFunction<LedgerCommand> command) throws Exception {
        return Rates.of(threads, count, n -> send(command.apply(n)));
    }

    public void send(LedgerCommand command) {
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(META));
    }

    /** Writes {@code count} challenges of {@code decisionId} after its first event, straight to the event store. */
    public void pastChallenges(String decisionId, int count, List<SourceNote> sources) {
        List<GenericDomainEventMessage<?>> batch = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            batch.add(new GenericDomainEventMessage<>(
                    "HostingDecision",
                    decisionId,
                    n,
                    new HostingDecisionChallenged(
                            decisionId,
                            "Member of parliament",
                            LocalDate.of(2020, 5, 27),
                            "Exposure to non-EU law",
                            "Assemblée nationale",
                            null,
                            sources),
                    MetaData.with(EventMetadata.ACTOR, "benchmark")));
            if (batch.size() == 500 || n == count) {
                eventStore.publish(List.copyOf(batch));
                batch.clear();
            }
        }
    }

    public long head() {
        Long head = jdbc.queryForObject("SELECT MAX(globalIndex) FROM DomainEventEntry", Long.class);
        return head == null ? -1 : head;
    }

    private List<StreamingEventProcessor> processors() {
        return app.getBean(EventProcessingConfiguration.class).eventProcessors().values().stream()
                .filter(StreamingEventProcessor.class::isInstance)
                .map(StreamingEventProcessor.class::cast)
                .toList();
    }

    /**
     * Waits until every processor has claimed all its segments and processed up to the head. A replayed segment stays
     * "replaying" at the head until a newer event arrives (Axon's replay token ends past the reset point), so
     * replaying is not a reason to wait.
     */
    public void awaitCaughtUp(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long head = head();
        while (System.nanoTime() < deadline) {
            boolean done = true;
            for (StreamingEventProcessor processor : processors()) {
                Map<Integer, EventTrackerStatus> status = processor.processingStatus();
                if (!processor.isRunning() || status.isEmpty() || status.size() < segments(processor)) {
                    done = false;
                    break;
                }
                for (EventTrackerStatus segment : status.values()) {
                    long position = segment.getCurrentPosition().orElse(-1);
                    if (segment.isErrorState() || position < head) {
                        done = false;
                        break;
                    }
                }
            }
            if (done) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the stock processors did not catch up in " + timeout);
    }

    private int segments(StreamingEventProcessor processor) {
        return app.getBean(org.axonframework.eventhandling.tokenstore.TokenStore.class)
                .fetchSegments(processor.getName())
                .length;
    }

    /** Axon's replay of every projection: stop, reset the tokens, start, wait; answers events per second. */
    public double rebuild(Duration timeout) throws InterruptedException {
        long head = head();
        long start = System.nanoTime();
        for (StreamingEventProcessor processor : processors()) {
            processor.shutDown();
            processor.resetTokens();
            processor.start();
        }
        awaitCaughtUp(timeout);
        return head / ((System.nanoTime() - start) / 1e9);
    }

    @Override
    public void close() {
        app.close();
    }
}
