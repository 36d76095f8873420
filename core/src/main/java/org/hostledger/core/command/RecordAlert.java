package org.hostledger.core.command;

import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.alert.AlertKind;

/** Record one occurrence of an alert (see {@code AlertRecorded}); refused when that occurrence is recorded already. */
public record RecordAlert(
        @TargetAggregateIdentifier String alertKey,
        AlertKind kind,
        String recordId,
        String hostId,
        String occurrence,
        List<String> decisions,
        LocalDate validUntil,
        List<Integer> uncoveredActivities,
        LocalDate effectiveOn)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return alertKey;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.ALERT;
    }

    @Override
    public boolean createsRecord() {
        return true;
    }
}
