package org.hostledger.api.demo;

import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.api.config.LedgerProperties;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.rule.IdAlreadyTaken;
import org.hostledger.store.engine.EventStoreRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On an empty store, and unless {@code hostledger.demo-data=false}, records the demo history through the same command
 * path as any client, as actor {@code hostledger-demo}. A store that holds anything is left alone, so a restart never
 * loads it twice; when several nodes start together on one empty database, the first to record wins and the others
 * stop at its first id.
 */
@Component
@Order(10)
public class DemoHistoryLoader implements ApplicationRunner {

    public static final String ACTOR = "hostledger-demo";

    private static final Logger log = LoggerFactory.getLogger(DemoHistoryLoader.class);

    private final LedgerProperties properties;
    private final LedgerCommands commands;
    private final EventStoreRecords records;

    public DemoHistoryLoader(LedgerProperties properties, LedgerCommands commands, EventStoreRecords records) {
        this.properties = properties;
        this.commands = commands;
        this.records = records;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.isDemoData() || args.containsOption("replay") || args.containsOption("verify")) {
            return;
        }
        long recorded = records.eventCount();
        if (recorded > 0) {
            log.info("the store holds {} events; demo history not loaded", recorded);
            return;
        }
        int count = 0;
        for (LedgerCommand command : DemoHistory.commands()) {
            try {
                commands.sendAs(command, ACTOR, "demo-history");
                count++;
            } catch (IdAlreadyTaken | AggregateStreamCreationException e) {
                if (count == 0) {
                    log.info("another node is loading the demo history; leaving it to that node");
                    return;
                }
                throw e;
            }
        }
        log.info("demo history recorded: {} commands", count);
    }
}
