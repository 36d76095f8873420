package org.hostledger.api.alerts;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.hostledger.api.admin.CommandLineModes;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The alert job as a db-scheduler recurring task: its next execution is a row of {@code scheduled_tasks}, picked by
 * one node at a time (an update guarded by the row's version), so several nodes on one database run it once per
 * interval. The starter runs every task bean it finds; the first run is at start-up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AlertProperties.class)
public class AlertSchedule {

    public static final String TASK = "hostledger-alerts";

    @Bean
    @ConditionalOnProperty(name = "hostledger.alerts.enabled", havingValue = "true", matchIfMissing = true)
    public RecurringTask<Void> alertTask(AlertJob job, AlertProperties properties, ApplicationArguments arguments) {
        // A one-shot run (replay, verify, import) records nothing of its own.
        boolean oneShot = CommandLineModes.isOneShot(arguments.getSourceArgs());
        return Tasks.recurring(TASK, FixedDelay.of(properties.getInterval())).execute((instance, context) -> {
            if (!oneShot) {
                job.run();
            }
        });
    }
}
