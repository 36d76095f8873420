package org.hostledger.api.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.hostledger.api.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Axon's handler and unit-of-work timers are off ({@code axon.timeout.enabled=false}): each one captured the thread's
 * stack trace and scheduled a timer for every handler call, about a quarter of a command's CPU in a register import.
 */
class AxonTimeoutsOffTest extends IntegrationTest {

    @Autowired
    private ApplicationContext context;

    @Test
    void noHandlerIsWrappedInATimer() {
        assertThat(context.getBeansOfType(HandlerTimeoutHandlerEnhancerDefinition.class))
                .isEmpty();
        assertThat(context.containsBean("axonTimeoutConfigurerModule")).isFalse();
    }
}
