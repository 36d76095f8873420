package org.hostledger.api.watch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code hostledger.subscriptions.*}: where webhooks may go and how they are retried. */
@ConfigurationProperties("hostledger.subscriptions")
public class WatchProperties {

    /** Host names webhooks may be sent to (exact, or {@code *.example.org} for its subdomains). Empty: none. */
    private List<String> allowedHosts = new ArrayList<>();

    /** Attempts before a notification becomes a dead letter. */
    private int maxAttempts = 8;

    /** Delay before the first retry; doubled at each further one, with jitter, up to {@link #retryMax}. */
    private Duration retryBase = Duration.ofSeconds(2);

    private Duration retryMax = Duration.ofHours(1);

    private Duration connectTimeout = Duration.ofSeconds(2);

    private Duration requestTimeout = Duration.ofSeconds(5);

    /** How often each node looks for due notifications. */
    private Duration pollInterval = Duration.ofMillis(100);

    /** How long a node holds a notification it is sending; a node that dies mid-send frees it after this. */
    private Duration lease = Duration.ofSeconds(15);

    /** Notifications sent at once by one node. */
    private int senders = 8;

    /**
     * While webhook subscriptions exist, how soon after a commit on this node the projections look at it (otherwise at
     * their 500 ms poll): a notification waits for the watch and for the views its body reads.
     */
    private Duration processingDelay = Duration.ofMillis(100);

    public List<String> getAllowedHosts() {
        return allowedHosts;
    }

    public void setAllowedHosts(List<String> allowedHosts) {
        this.allowedHosts = allowedHosts;
    }

    public int getMaxAttempts() {
        return maxAttempts;
    }

    public void setMaxAttempts(int maxAttempts) {
        this.maxAttempts = maxAttempts;
    }

    public Duration getRetryBase() {
        return retryBase;
    }

    public void setRetryBase(Duration retryBase) {
        this.retryBase = retryBase;
    }

    public Duration getRetryMax() {
        return retryMax;
    }

    public void setRetryMax(Duration retryMax) {
        this.retryMax = retryMax;
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public void setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
    }

    public Duration getPollInterval() {
        return pollInterval;
    }

    public void setPollInterval(Duration pollInterval) {
        this.pollInterval = pollInterval;
    }

    public Duration getLease() {
        return lease;
    }

    public void setLease(Duration lease) {
        this.lease = lease;
    }

    public int getSenders() {
        return senders;
    }

    public void setSenders(int senders) {
        this.senders = senders;
    }

    public Duration getProcessingDelay() {
        return processingDelay;
    }

    public void setProcessingDelay(Duration processingDelay) {
        this.processingDelay = processingDelay;
    }
}
