package org.hostledger.api;

import org.hostledger.api.admin.CommandLineModes;
import org.hostledger.api.config.LedgerProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/** HostLedger: who hosts whose health data, on which certification, since when, and why. */
@SpringBootApplication(scanBasePackages = {"org.hostledger.api", "org.hostledger.projections"})
@EnableConfigurationProperties({LedgerProperties.class, org.hostledger.api.watch.WatchProperties.class})
public class HostLedgerApplication {

    /** Axon's own switch for its update checker; its auto-configuration is excluded as well. */
    public static final String UPDATE_CHECKER_DISABLED = "axoniq.update-checker.disabled";

    /** Axon's switch for the console advertisement it logs at start-up. */
    public static final String CONSOLE_MESSAGE_DISABLED = "disable-axoniq-console-message";

    static {
        // A sovereignty tool does not phone home: set before any Axon class reads them, tests included.
        System.setProperty(UPDATE_CHECKER_DISABLED, "true");
        System.setProperty(CONSOLE_MESSAGE_DISABLED, "true");
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(HostLedgerApplication.class);
        if (CommandLineModes.isOneShot(args)) {
            application.setWebApplicationType(WebApplicationType.NONE);
        }
        application.addListeners(new org.hostledger.api.admin.backup.BackupModes());
        application.run(args);
    }
}
