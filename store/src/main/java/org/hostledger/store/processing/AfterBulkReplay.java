package org.hostledger.store.processing;

/**
 * Work that a projection's handlers leave undone while a bulk replay feeds them (see {@link BulkReplay}), done once at
 * its end instead of once per batch — such as counts kept per date, which a rebuild would otherwise update in every
 * batch (on PostgreSQL each update leaves a dead row behind; the benchmark's rebuild ran at half the speed for it).
 *
 * <p>The handlers know they are fed by a bulk replay from their unit of work's resource {@link #RESOURCE}. This is
 * called for a projection in the transaction of the batch that reaches the replay's reset point, with the token that
 * tells every node the projection is no longer replaying (so no node serves its views before this work is done); the
 * batches after it (events recorded during the replay) do that work as they go, without the resource. When the
 * replay stopped before that point and its processor goes on from its last batch, it is called before that processor
 * starts.
 */
public interface AfterBulkReplay {

    /**
     * A unit of work resource, {@code true} in the batches a bulk replay feeds. Projections read it by this name
     * (they do not depend on this module), so the name is fixed.
     */
    String RESOURCE = "hostledger.bulk-replay";

    /** Does, in the current transaction, what the handlers of {@code projection} left undone. */
    void replayed(String projection);
}
