package org.hostledger.commands.host;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.hostledger.commands.Rules.corrected;
import static org.hostledger.commands.Rules.correctedValue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.hostledger.commands.Rules;
import org.hostledger.core.command.ChangeHostOwnership;
import org.hostledger.core.command.CorrectHost;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.event.HostCorrected;
import org.hostledger.core.event.HostOwnershipChanged;
import org.hostledger.core.event.HostRegistered;
import org.hostledger.core.rule.RuleViolation;

/** A hosting company: its country and its ultimate parent's, which decide its exposure to non-EU law. */
@AggregateRoot(type = "Host")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Host {

    @AggregateIdentifier
    private String hostId;

    private String name;
    private String country;
    private String parentCompany;
    private String parentCountry;
    /** The parent as the registration records it; ownership changes move the current one only. */
    private String registeredParentCompany;

    private String registeredParentCountry;
    private LocalDate registeredOn;
    /** Effective date of the first and of the latest ownership change, null while there is none. */
    private LocalDate firstChangeOn;

    private LocalDate lastChangeOn;

    protected Host() {
        // for Axon and snapshots
    }

    @CommandHandler
    public Host(RegisterHost command) {
        String parentCompany = Rules.optional(command.parentCompany());
        String parentCountry = Rules.optional(command.parentCountry());
        Rules.parent(parentCompany, parentCountry);
        apply(new HostRegistered(
                command.hostId(),
                Rules.text(command.name(), "name"),
                country(command),
                parentCompany,
                parentCountry,
                Rules.date(command.effectiveOn(), "effectiveOn"),
                Rules.sources(command.sources())));
    }

    /**
     * The host's country: required, unless a register whose format publishes none registers the host (then unknown,
     * until a correction gives it).
     */
    private static String country(RegisterHost command) {
        if (Rules.optional(command.country()) == null && Rules.optional(command.countryUnpublishedBy()) != null) {
            return null;
        }
        return Rules.country(command.country(), "country");
    }

    @CommandHandler
    public long handle(ChangeHostOwnership command) {
        String parentCompany = Rules.optional(command.parentCompany());
        String parentCountry = Rules.optional(command.parentCountry());
        Rules.parent(parentCompany, parentCountry);
        LocalDate effectiveOn = Rules.date(command.effectiveOn(), "effectiveOn");
        Rules.notBefore(effectiveOn, registeredOn, "effectiveOn", "the host's registration");
        if (lastChangeOn != null) {
            Rules.notBefore(effectiveOn, lastChangeOn, "effectiveOn", "the latest recorded ownership change");
        }
        if (Objects.equals(parentCompany, this.parentCompany) && Objects.equals(parentCountry, this.parentCountry)) {
            throw new RuleViolation("parentCompany", "the host already has this parent");
        }
        apply(new HostOwnershipChanged(
                hostId,
                parentCompany,
                parentCountry,
                effectiveOn,
                Rules.text(command.reason(), "reason"),
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(CorrectHost command) {
        String reason = Rules.text(command.reason(), "reason");
        String newName = correctedValue(Rules.optional(command.name()), name);
        // A country left unknown by a register import stays unknown until a correction gives one.
        String givenCountry = Rules.optional(command.country());
        String newCountry = givenCountry == null && country == null
                ? null
                : Rules.country(correctedValue(givenCountry, country), "country");
        String newParentCompany = corrected(command.parentCompany(), registeredParentCompany);
        String newParentCountry = corrected(command.parentCountry(), registeredParentCountry);
        Rules.parent(newParentCompany, newParentCountry);
        LocalDate newEffectiveOn = correctedValue(command.effectiveOn(), registeredOn);
        if (firstChangeOn != null && newEffectiveOn.isAfter(firstChangeOn)) {
            throw new RuleViolation(
                    "effectiveOn",
                    "the registration cannot move after the first ownership change (" + firstChangeOn + ")");
        }
        if (newName.equals(name)
                && Objects.equals(newCountry, country)
                && Objects.equals(newParentCompany, registeredParentCompany)
                && Objects.equals(newParentCountry, registeredParentCountry)
                && newEffectiveOn.equals(registeredOn)) {
            throw new RuleViolation("the correction changes nothing");
        }
        apply(new HostCorrected(
                hostId,
                newName,
                newCountry,
                newParentCompany,
                newParentCountry,
                newEffectiveOn,
                reason,
                Rules.sources(command.sources())));
        return getVersion();
    }

    @EventSourcingHandler
    void on(HostRegistered event) {
        hostId = event.hostId();
        name = event.name();
        country = event.country();
        parentCompany = event.parentCompany();
        parentCountry = event.parentCountry();
        registeredParentCompany = event.parentCompany();
        registeredParentCountry = event.parentCountry();
        registeredOn = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(HostOwnershipChanged event) {
        parentCompany = event.parentCompany();
        parentCountry = event.parentCountry();
        if (firstChangeOn == null) {
            firstChangeOn = event.effectiveOn();
        }
        lastChangeOn = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(HostCorrected event) {
        name = event.name();
        country = event.country();
        registeredParentCompany = event.parentCompany();
        registeredParentCountry = event.parentCountry();
        if (lastChangeOn == null) {
            parentCompany = event.parentCompany();
            parentCountry = event.parentCountry();
        }
        registeredOn = event.effectiveOn();
    }
}
