package org.hostledger.commands.register;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.hostledger.commands.Rules;
import org.hostledger.core.command.DelistRegisterEntry;
import org.hostledger.core.command.RecordRegisterEntry;
import org.hostledger.core.event.RegisterEntryChanged;
import org.hostledger.core.event.RegisterEntryDelisted;
import org.hostledger.core.event.RegisterEntryListed;
import org.hostledger.core.event.RegisterEntryRelisted;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.RegisterEntryFacts;
import org.hostledger.core.rule.RuleViolation;

/**
 * One entry of an official register, as the register's successive snapshots showed it: listed with its facts,
 * changed, delisted when a snapshot no longer shows it, relisted when one shows it again.
 */
@AggregateRoot(type = "RegisterEntry")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class RegisterEntry {

    @AggregateIdentifier
    private String entryKey;

    private String entryId;
    private RegisterEntryFacts facts;
    private boolean listed;
    private LocalDate lastEffectiveOn;
    private Instant lastPublishedAt;

    protected RegisterEntry() {
        // for Axon, snapshots, and the first listing (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordRegisterEntry command) {
        RegisterEntryFacts next = Objects.requireNonNull(command.facts(), "facts");
        LocalDate effectiveOn = effectiveOn(command.citation(), command.effectiveOn());
        if (entryKey == null) {
            apply(new RegisterEntryListed(
                    command.entryKey(),
                    command.citation(),
                    Rules.text(command.entryId(), "entryId"),
                    next,
                    effectiveOn,
                    List.of(command.citation().note())));
            return 0L;
        }
        if (!listed) {
            apply(new RegisterEntryRelisted(
                    entryKey,
                    command.citation(),
                    entryId,
                    next,
                    effectiveOn,
                    List.of(command.citation().note())));
            return getVersion();
        }
        List<String> fields = next.changedFrom(facts);
        if (fields.isEmpty()) {
            throw new RuleViolation("facts", "the register says nothing new about entry " + entryId);
        }
        apply(new RegisterEntryChanged(
                entryKey,
                command.citation(),
                entryId,
                facts,
                next,
                fields,
                effectiveOn,
                List.of(command.citation().note())));
        return getVersion();
    }

    @CommandHandler
    public long handle(DelistRegisterEntry command) {
        if (!listed) {
            throw new RuleViolation("entry " + entryId + " is already delisted");
        }
        LocalDate effectiveOn = effectiveOn(command.citation(), command.effectiveOn());
        apply(new RegisterEntryDelisted(
                entryKey,
                command.citation(),
                entryId,
                command.lastSeenIn(),
                effectiveOn,
                List.of(command.citation().note())));
        return getVersion();
    }

    /**
     * An entry's changes take effect in order, never after the snapshot that shows them, and come from snapshots in
     * publication order.
     */
    private LocalDate effectiveOn(RegisterCitation citation, LocalDate effectiveOn) {
        Objects.requireNonNull(citation, "citation");
        LocalDate date = Rules.date(effectiveOn, "effectiveOn");
        if (date.isAfter(citation.publishedOn())) {
            throw new RuleViolation(
                    "effectiveOn", "effectiveOn " + date + " is after the snapshot's publication " + citation);
        }
        if (lastEffectiveOn != null) {
            Rules.notBefore(date, lastEffectiveOn, "effectiveOn", "the entry's latest recorded change");
        }
        if (lastPublishedAt != null && citation.publishedAt().isBefore(lastPublishedAt)) {
            throw new RuleViolation(
                    "publishedAt", "the entry was already recorded from a later snapshot (" + lastPublishedAt + ")");
        }
        return date;
    }

    @EventSourcingHandler
    void on(RegisterEntryListed event) {
        entryKey = event.entryKey();
        entryId = event.entryId();
        facts = event.facts();
        listed = true;
        lastEffectiveOn = event.effectiveOn();
        lastPublishedAt = event.citation().publishedAt();
    }

    @EventSourcingHandler
    void on(RegisterEntryChanged event) {
        facts = event.after();
        lastEffectiveOn = event.effectiveOn();
        lastPublishedAt = event.citation().publishedAt();
    }

    @EventSourcingHandler
    void on(RegisterEntryDelisted event) {
        listed = false;
        lastEffectiveOn = event.effectiveOn();
        lastPublishedAt = event.citation().publishedAt();
    }

    @EventSourcingHandler
    void on(RegisterEntryRelisted event) {
        facts = event.facts();
        listed = true;
        lastEffectiveOn = event.effectiveOn();
        lastPublishedAt = event.citation().publishedAt();
    }
}
