package org.hostledger.api.read;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.hostledger.store.processing.ProjectionProgress;
import org.springframework.context.ApplicationContext;

/**
 * Leaves the token table as a rebuild killed before it ended does (or one under way on another node): the projection's
 * processor stopped here, its segments under replay tokens from the first event that have not reached the head.
 */
record KilledRebuild(
        ProjectionProgress progress,
        TokenStore tokenStore,
        TransactionManager transactionManager,
        EventStorageEngine storageEngine) {

    /** With the running application's token store, transactions and storage engine. */
    static KilledRebuild in(ApplicationContext app) {
        return new KilledRebuild(
                app.getBean(ProjectionProgress.class),
                app.getBean(TokenStore.class),
                app.getBean(TransactionManager.class),
                app.getBean(EventStorageEngine.class));
    }

    /** Answers the stopped processor, to be started again by the test. */
    StreamingEventProcessor leave(String projection) {
        StreamingEventProcessor processor = progress.streamingProcessors().get(projection);
        processor.shutDown();
        TrackingToken head = storageEngine.createHeadToken();
        transactionManager.executeInTransaction(() -> {
            for (int segment : tokenStore.fetchSegments(projection)) {
                tokenStore.fetchToken(projection, segment);
                tokenStore.storeToken(ReplayToken.createReplayToken(head, null), projection, segment);
                tokenStore.releaseClaim(projection, segment);
            }
        });
        return processor;
    }
}
