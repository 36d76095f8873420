package org.hostledger.commands.register;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.hostledger.core.command.RecordRegisterSnapshot;
import org.hostledger.core.event.RegisterSnapshotImported;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.rule.RuleViolation;

/** An official register's imported snapshots, in publication order, each file once. */
@AggregateRoot(type = "Register")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Register {

    @AggregateIdentifier
    private String registerKey;

    private Instant latestPublishedAt;
    private Set<String> imported = new HashSet<>();

    protected Register() {
        // for Axon, snapshots, and the first snapshot (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordRegisterSnapshot command) {
        RegisterCitation citation = Objects.requireNonNull(command.citation(), "citation");
        boolean created = registerKey == null;
        if (imported.contains(citation.sha256())) {
            throw new RuleViolation("sha256", "this file (sha256 " + citation.sha256() + ") is already imported");
        }
        if (latestPublishedAt != null && !citation.publishedAt().isAfter(latestPublishedAt)) {
            throw new RuleViolation(
                    "publishedAt",
                    "a snapshot published " + latestPublishedAt + " is already imported; " + citation.publishedAt()
                            + " is not later");
        }
        if (command.entries() < 0) {
            throw new RuleViolation("entries", "entries cannot be negative");
        }
        apply(new RegisterSnapshotImported(
                command.registerKey(),
                citation,
                command.entries(),
                Map.copyOf(command.changes() == null ? Map.of() : command.changes()),
                List.copyOf(command.findings() == null ? List.of() : command.findings()),
                citation.publishedOn(),
                List.of(citation.note())));
        return created ? 0L : getVersion();
    }

    @EventSourcingHandler
    void on(RegisterSnapshotImported event) {
        registerKey = event.registerKey();
        latestPublishedAt = event.citation().publishedAt();
        imported.add(event.citation().sha256());
    }
}
