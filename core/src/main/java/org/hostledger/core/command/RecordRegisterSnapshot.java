package org.hostledger.core.command;

import java.util.List;
import java.util.Map;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterFinding;

/** Record, as the last step of an import, that a register's snapshot is in the ledger ({@code first}: the first one). */
public record RecordRegisterSnapshot(
        @TargetAggregateIdentifier String registerKey,
        boolean first,
        RegisterCitation citation,
        int entries,
        Map<String, Integer> changes,
        List<RegisterFinding> findings)
        implements LedgerCommand {

    @Override
    public String targetId() {
        return registerKey;
    }

    @Override
    public RecordKind targetKind() {
        return RecordKind.REGISTER;
    }

    @Override
    public boolean createsRecord() {
        return first;
    }
}
