package org.hostledger.commands.lookup;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.rule.IdAlreadyTaken;
import org.hostledger.core.rule.UnknownRecord;

/**
 * Refuses, before any aggregate is loaded, a command that would create a record under an id already taken, that
 * targets a record the ledger does not hold as the kind the command expects, or that expects a version the record
 * is no longer at. Ids are one namespace for the whole
 * ledger, so without this a certification command could be aimed at a host's events.
 *
 * <p>The check is an early, readable answer; the event store's unique key on (aggregate, sequence) still settles
 * races between two creations of one id.
 */
public class RecordKindGuard implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final KnownRecords knownRecords;

    public RecordKindGuard(KnownRecords knownRecords) {
        this.knownRecords = knownRecords;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof LedgerCommand command) {
            check(command);
        }
        return chain.proceed();
    }

    public void check(LedgerCommand command) {
        if (command.createsRecord()) {
            if (knownRecords.isTaken(command.targetId())) {
                throw new IdAlreadyTaken(command.targetId());
            }
        } else {
            if (!knownRecords.holds(command.targetId(), command.targetKind())) {
                throw new UnknownRecord(command.targetKind().label(), command.targetId());
            }
            Long expected = command.expectedVersion();
            if (expected != null) {
                long actual = knownRecords.versionOf(command.targetId()).orElse(-1);
                if (actual != expected) {
                    // Checked before the rules, so that a stale client hears "read again" rather than a rule
                    // that may no longer apply. The repository checks again at commit, for races.
                    throw new ConflictingAggregateVersionException(command.targetId(), expected, actual);
                }
            }
        }
    }
}
