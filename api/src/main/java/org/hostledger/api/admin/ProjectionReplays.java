package org.hostledger.api.admin;

import org.axonframework.eventhandling.StreamingEventProcessor;
import org.hostledger.core.rule.RuleViolation;
import org.hostledger.core.rule.UnknownRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Rebuilds a projection from the first event: stop it, clear its tables (its {@code @ResetHandler}s) and its tokens,
 * start it again. On several nodes, the processor must be stopped on the others first: a reset needs every segment.
 */
@Component
public class ProjectionReplays {

    private static final Logger log = LoggerFactory.getLogger(ProjectionReplays.class);

    private final ProjectionProgress progress;

    public ProjectionReplays(ProjectionProgress progress) {
        this.progress = progress;
    }

    public void replay(String name) {
        StreamingEventProcessor processor = progress.streamingProcessors().get(name);
        if (processor == null) {
            throw new UnknownRecord("projection", name);
        }
        if (!processor.supportsReset()) {
            throw new RuleViolation("the projection " + name + " cannot be replayed");
        }
        log.info("replaying projection {}", name);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (RuntimeException e) {
            processor.start();
            throw new RuleViolation("the projection " + name + " could not be reset (is it running on another node?): "
                    + e.getClass().getSimpleName());
        }
        processor.start();
    }
}
