package org.hostledger.api.alerts;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hostledger.alerts.*}: the alert job. */
@ConfigurationProperties("hostledger.alerts")
public class AlertProperties {

    /** Whether the alert job runs (on one node at a time, every {@link #interval}). */
    private boolean enabled = true;

    /** A certificate in use that ends within this many days is alerted about. */
    private int horizonDays = 90;

    /** Time between two runs of the alert job, across all nodes. */
    private Duration interval = Duration.ofHours(1);

    /** How long a run waits for the views to reach the store's head before it looks. */
    private Duration catchUp = Duration.ofSeconds(60);

    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public int getHorizonDays() {
        return horizonDays;
    }

    public void setHorizonDays(int horizonDays) {
        this.horizonDays = horizonDays;
    }

    public Duration getInterval() {
        return interval;
    }

    public void setInterval(Duration interval) {
        this.interval = interval;
    }

    public Duration getCatchUp() {
        return catchUp;
    }

    public void setCatchUp(Duration catchUp) {
        this.catchUp = catchUp;
    }
}
