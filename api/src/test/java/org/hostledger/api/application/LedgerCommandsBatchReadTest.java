package org.hostledger.api.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.NoTransactionManager;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.commands.lookup.PendingRecords;
import org.hostledger.core.command.LedgerCommand;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.model.SourceNote;
import org.hostledger.store.WritePositions;
import org.junit.jupiter.api.Test;

/** A batch of commands asks the store about its targets once, when it begins, not once per command. */
class LedgerCommandsBatchReadTest {

    private static final List<SourceNote> SOURCES =
            List.of(SourceNote.of("A test source", "https://example.org/source", LocalDate.of(2020, 1, 1)));

    @Test
    void aBatchReadsTheKindsOfItsTargetsOnceWhenItBegins() {
        List<Collection<String>> reads = new ArrayList<>();
        List<String> singleReads = new ArrayList<>();
        KnownRecords store = new AbsentRecords() {
            @Override
            public Optional<RecordKind> kindOf(String id) {
                singleReads.add(id);
                return Optional.empty();
            }

            @Override
            public Map<String, RecordKind> kindsOf(Collection<String> ids) {
                reads.add(List.copyOf(ids));
                return Map.of();
            }
        };
        KnownRecords known = PendingRecords.overlay(store);
        CommandGateway gateway = mock(CommandGateway.class);
        List<Optional<RecordKind>> seenByHandlers = new ArrayList<>();
        // Each handler's set validation asks about its target, as RecordKindGuard does.
        when(gateway.sendAndWait(any())).thenAnswer(call -> {
            CommandMessage<?> message = call.getArgument(0);
            seenByHandlers.add(known.kindOf(((LedgerCommand) message.getPayload()).targetId()));
            return "created";
        });
        WritePositions positions = mock(WritePositions.class);
        when(positions.positionOf(anyString(), anyLong())).thenReturn(7L);
        LedgerCommands commands = new LedgerCommands(gateway, positions, NoTransactionManager.INSTANCE, known);

        commands.sendTogether(List.of(host("host-a"), host("host-b"), host("host-a")), "test-editor", null);

        assertThat(reads).containsExactly(List.of("host-a", "host-b"));
        assertThat(singleReads).as("answered from the batch's read").isEmpty();
        // The third command finds the host the first one left pending.
        assertThat(seenByHandlers).containsExactly(Optional.empty(), Optional.empty(), Optional.of(RecordKind.HOST));
    }

    private static RegisterHost host(String id) {
        return new RegisterHost(id, "Host " + id, "FR", null, null, LocalDate.of(2018, 1, 1), SOURCES);
    }
}
