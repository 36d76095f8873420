package org.hostledger.store.processing;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

/**
 * How many events each projection is behind the head of the event store, as a gauge: {@code hostledger.projection.lag}
 * (Prometheus: {@code hostledger_projection_lag_events}) tagged with the processor's name. Read from the token table at
 * each scrape, so every node reports the lag of the whole projection, whichever node holds which segment.
 *
 * <p>Axon's own processor metrics (axon-micrometer: latency, capacity, counts) say how busy this node's threads are;
 * this one says what a reader sees: how far the views trail the ledger.
 */
public class ProjectionMetrics {

    private final ProjectionProgress progress;
    private final MeterRegistry registry;

    public ProjectionMetrics(ProjectionProgress progress, MeterRegistry registry) {
        this.progress = progress;
        this.registry = registry;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void register() {
        for (String name : progress.names()) {
            Gauge.builder("hostledger.projection.lag", progress, p -> p.lag(name))
                    .baseUnit("events")
                    .tag("processor", name)
                    .description("Events recorded but not yet processed by the slowest segment of this projection")
                    .register(registry);
        }
    }
}
