package org.hostledger.commands.alert;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.hostledger.commands.Rules;
import org.hostledger.core.alert.AlertKeys;
import org.hostledger.core.command.RecordAlert;
import org.hostledger.core.event.AlertRecorded;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.rule.RuleViolation;

/**
 * One occurrence of an alert. Its id is made of the kind, the record and the occurrence ({@link AlertKeys}), and it
 * is created once: recording the same occurrence again is refused as an id already taken, and two nodes racing to
 * record it meet the event store's unique key, so one of them records it.
 */
@AggregateRoot(type = "Alert")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Alert {

    /** The evidence of every alert: the ledger's own facts, as the alert job read them. */
    public static final SourceNote SOURCE =
            new SourceNote("HostLedger alert job, from the facts recorded in the ledger", null, null);

    @AggregateIdentifier
    private String alertKey;

    protected Alert() {
        // for Axon
    }

    @CommandHandler
    public Alert(RecordAlert command) {
        Objects.requireNonNull(command.kind(), "kind");
        String recordId = Rules.text(command.recordId(), "recordId");
        String occurrence = Rules.text(command.occurrence(), "occurrence");
        if (!AlertKeys.of(command.kind(), recordId, occurrence).equals(command.alertKey())) {
            throw new RuleViolation("alertKey", "an alert's id is made of its kind, record and occurrence");
        }
        apply(new AlertRecorded(
                command.alertKey(),
                command.kind(),
                recordId,
                command.hostId(),
                occurrence,
                command.decisions() == null ? List.of() : List.copyOf(command.decisions()),
                command.validUntil(),
                command.uncoveredActivities() == null ? List.of() : List.copyOf(command.uncoveredActivities()),
                Rules.date(command.effectiveOn(), "effectiveOn"),
                List.of(SOURCE)));
    }

    @EventSourcingHandler
    void on(AlertRecorded event) {
        alertKey = event.alertKey();
    }
}
