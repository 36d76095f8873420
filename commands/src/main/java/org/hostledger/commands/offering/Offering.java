package org.hostledger.commands.offering;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.modelling.command.CreationPolicy;
import org.hostledger.commands.Rules;
import org.hostledger.core.command.CorrectOffering;
import org.hostledger.core.command.RecordOffering;
import org.hostledger.core.command.RemoveOffering;
import org.hostledger.core.event.OfferingAdded;
import org.hostledger.core.event.OfferingChainChanged;
import org.hostledger.core.event.OfferingCorrected;
import org.hostledger.core.event.OfferingRemoved;
import org.hostledger.core.model.RegisterCitation;
import org.hostledger.core.model.SourceNote;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainRules;
import org.hostledger.core.rule.RuleViolation;

/**
 * An offering of a host and the chain behind it: added, its chain changed (actors added, removed, answers changed),
 * removed when the host no longer publishes it, added again, and corrected. A chain that breaks {@link ChainRules} is
 * refused; changes take effect in order, never after the transfer map that shows them.
 */
@AggregateRoot(type = "Offering")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Offering {

    @AggregateIdentifier
    private String offeringId;

    private List<ChainActor> chain;
    private boolean published;
    private LocalDate lastEffectiveOn;

    protected Offering() {
        // for Axon, snapshots, and the first record (created if missing)
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public long handle(RecordOffering command) {
        List<ChainActor> next = valid(command.chain());
        LocalDate effectiveOn = effectiveOn(command.effectiveOn(), command.citation());
        List<SourceNote> sources = sources(command.sources(), command.citation());
        if (offeringId == null || !published) {
            boolean again = offeringId != null;
            apply(new OfferingAdded(
                    command.offeringId(),
                    Rules.optional(command.hostId()),
                    Rules.text(command.publisher(), "publisher"),
                    Rules.text(command.name(), "name"),
                    next,
                    again,
                    effectiveOn,
                    sources,
                    command.citation()));
            return again ? getVersion() : 0L;
        }
        Map<String, ChainActor> before = byName(chain);
        Map<String, ChainActor> after = byName(next);
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        for (ChainActor actor : next) {
            ChainActor old = before.get(actor.actor());
            if (old == null) {
                added.add(actor.actor());
            } else if (!old.equals(actor)) {
                changed.add(actor.actor());
            }
        }
        List<String> removed = chain.stream()
                .map(ChainActor::actor)
                .filter(name -> !after.containsKey(name))
                .toList();
        if (added.isEmpty() && removed.isEmpty() && changed.isEmpty()) {
            throw new RuleViolation("chain", "the chain of offering " + offeringId + " is unchanged");
        }
        apply(new OfferingChainChanged(
                offeringId, next, added, removed, changed, effectiveOn, sources, command.citation()));
        return getVersion();
    }

    @CommandHandler
    public long handle(RemoveOffering command) {
        if (!published) {
            throw new RuleViolation("offering " + offeringId + " is already removed");
        }
        LocalDate effectiveOn = effectiveOn(command.effectiveOn(), command.citation());
        apply(new OfferingRemoved(
                offeringId, effectiveOn, sources(command.sources(), command.citation()), command.citation()));
        return getVersion();
    }

    @CommandHandler
    public long handle(CorrectOffering command) {
        List<ChainActor> corrected = valid(command.chain());
        if (corrected.equals(chain)) {
            throw new RuleViolation("chain", "the correction changes nothing");
        }
        apply(new OfferingCorrected(
                offeringId,
                corrected,
                lastEffectiveOn,
                Rules.text(command.reason(), "reason"),
                Rules.sources(command.sources())));
        return getVersion();
    }

    private static List<ChainActor> valid(List<ChainActor> chain) {
        List<ChainRules.Problem> problems = ChainRules.problems(chain);
        if (!problems.isEmpty()) {
            ChainRules.Problem first = problems.get(0);
            throw new RuleViolation(
                    "chain." + first.field(), (first.actor() == null ? "" : first.actor() + ": ") + first.message());
        }
        return List.copyOf(chain);
    }

    private LocalDate effectiveOn(LocalDate effectiveOn, RegisterCitation citation) {
        LocalDate date = Rules.date(effectiveOn, "effectiveOn");
        if (citation != null && date.isAfter(citation.publishedOn())) {
            throw new RuleViolation(
                    "effectiveOn", "effectiveOn " + date + " is after the transfer map's publication " + citation);
        }
        if (lastEffectiveOn != null) {
            Rules.notBefore(date, lastEffectiveOn, "effectiveOn", "the offering's latest recorded change");
        }
        return date;
    }

    private static List<SourceNote> sources(List<SourceNote> sources, RegisterCitation citation) {
        if ((sources == null || sources.isEmpty()) && citation != null) {
            return List.of(citation.note());
        }
        return Rules.sources(sources);
    }

    private static Map<String, ChainActor> byName(List<ChainActor> chain) {
        return chain.stream().collect(Collectors.toMap(ChainActor::actor, Function.identity()));
    }

    @EventSourcingHandler
    void on(OfferingAdded event) {
        offeringId = event.offeringId();
        chain = event.chain();
        published = true;
        lastEffectiveOn = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(OfferingChainChanged event) {
        chain = event.chain();
        lastEffectiveOn = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(OfferingRemoved event) {
        published = false;
        lastEffectiveOn = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(OfferingCorrected event) {
        chain = event.chain();
    }
}
