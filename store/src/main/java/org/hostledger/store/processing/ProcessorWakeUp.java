package org.hostledger.store.processing;

/**
 * Asks the projections' processors to look for new events soon rather than at their next poll: what a reader that
 * waits for a position calls ({@link ProjectionProgress#await}).
 */
@FunctionalInterface
public interface ProcessorWakeUp {

    void wakeUp();
}
