package org.hostledger.api.web;

import java.time.Clock;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.store.WritePositions;
import org.springframework.stereotype.Component;

/**
 * Remembers the answer of an idempotent write in the write's own transaction, after its events were appended: the
 * events and the answer commit together or not at all.
 */
@Component
public class IdempotencyInterceptor implements MessageHandlerInterceptor<CommandMessage<?>> {

    private final IdempotencyStore store;
    private final Clock clock;
    private final WritePositions positions;

    public IdempotencyInterceptor(IdempotencyStore store, Clock clock, WritePositions positions) {
        this.store = store;
        this.clock = clock;
        this.positions = positions;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        CommandMessage<?> message = unitOfWork.getMessage();
        MetaData metaData = message.getMetaData();
        Object key = metaData.get(IdempotentRequest.METADATA_KEY);
        if (key == null || !(message.getPayload() instanceof LedgerCommand command)) {
            return chain.proceed();
        }
        String principal = (String) metaData.get(IdempotentRequest.METADATA_PRINCIPAL);
        String hash = (String) metaData.get(IdempotentRequest.METADATA_HASH);
        store.reserve(principal, (String) key, hash, command.targetKind(), command.targetId(), clock.instant());
        Object result = chain.proceed();
        long version = LedgerCommands.versionAnswered(command, result);
        // Registered after the handler ran, so it runs after the event store's own prepare-commit step, which
        // appended the events: their position is then readable on this transaction's connection.
        unitOfWork.onPrepareCommit(u ->
                store.complete(principal, (String) key, version, positions.positionOf(command.targetId(), version)));
        return result;
    }
}
