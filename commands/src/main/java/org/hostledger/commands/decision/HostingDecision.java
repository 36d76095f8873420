package org.hostledger.commands.decision;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.axonframework.modelling.command.AggregateLifecycle.getVersion;
import static org.hostledger.commands.Rules.corrected;
import static org.hostledger.commands.Rules.correctedValue;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateRoot;
import org.axonframework.serialization.Revision;
import org.hostledger.commands.Rules;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.core.command.ChallengeHostingDecision;
import org.hostledger.core.command.CorrectHostingDecision;
import org.hostledger.core.command.EndHostingDecision;
import org.hostledger.core.command.PlanMigration;
import org.hostledger.core.command.RecordHostingDecision;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.event.HostingDecisionChallenged;
import org.hostledger.core.event.HostingDecisionCorrected;
import org.hostledger.core.event.HostingDecisionEnded;
import org.hostledger.core.event.HostingDecisionRecorded;
import org.hostledger.core.event.MigrationPlanned;
import org.hostledger.core.model.ProcurementRoute;
import org.hostledger.core.model.Scheme;
import org.hostledger.core.rule.RuleViolation;

/**
 * A data controller's decision to put a system or data set on a host for some HDS activities, and what followed:
 * challenges, migration plans, the end.
 *
 * <p>Challenges and migration plans may be entered in any order (history is often entered late), but none may be
 * dated before the decision or after its end.
 */
@AggregateRoot(type = "HostingDecision")
// Revision 2 keeps the decision's offering: snapshots of revision 1 lack it and are skipped (Axon's
// RevisionSnapshotFilter), so the decision is loaded from its events instead.
@Revision("2")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class HostingDecision {

    @AggregateIdentifier
    private String decisionId;

    private String controller;
    private String system;
    private String hostId;
    private List<Integer> activities;
    private LocalDate decidedOn;
    private ProcurementRoute procurement;
    private String contractor;
    private String rationale;
    private List<String> alternatives;
    /** The offering the decision relies on, null when it names none. */
    private String offeringId;

    private LocalDate endedOn;
    /** The register entry (FedRAMP product) this decision is an agency authorization of; null for HDS decisions. */
    private String registerEntry;
    /** Effective dates of the earliest and latest challenge or migration plan, null while there is none. */
    private LocalDate firstFollowUpOn;

    private LocalDate lastFollowUpOn;

    protected HostingDecision() {
        // for Axon and snapshots
    }

    @CommandHandler
    public HostingDecision(RecordHostingDecision command, KnownRecords knownRecords) {
        String host = registered(knownRecords, command.hostId(), "hostId");
        apply(new HostingDecisionRecorded(
                command.decisionId(),
                Rules.text(command.controller(), "controller"),
                Rules.text(command.system(), "system"),
                host,
                activities(command.activities(), Rules.optional(command.registerEntry())),
                Rules.date(command.decidedOn(), "decidedOn"),
                procurement(command.procurement()),
                Rules.optional(command.contractor()),
                Rules.text(command.rationale(), "rationale"),
                alternatives(command.alternatives()),
                Rules.sources(command.sources()),
                offering(knownRecords, command.offeringId(), host),
                Rules.optional(command.registerEntry())));
    }

    /**
     * An HDS decision names the activities its host's certificates must cover; a decision on a register entry (a
     * FedRAMP product: levels, not activities) names none.
     */
    private static List<Integer> activities(List<Integer> activities, String registerEntry) {
        if (registerEntry == null) {
            return Rules.activities(activities, Scheme.HDS);
        }
        if (activities != null && !activities.isEmpty()) {
            throw new RuleViolation(
                    "activities", "a decision on register entry " + registerEntry + " covers no HDS activities");
        }
        return List.of();
    }

    /**
     * An offering the decision may rely on: one the ledger holds, published by the decision's own host. Its chain
     * decides the decision's exposure, so another host's offering would give another host's answer.
     */
    private static String offering(KnownRecords knownRecords, String offeringId, String hostId) {
        if (offeringId == null) {
            return null;
        }
        if (!knownRecords.holds(offeringId, RecordKind.OFFERING)) {
            throw new RuleViolation("offeringId", "no offering with id '" + offeringId + "' is recorded");
        }
        String publisher = knownRecords.offeringHost(offeringId).orElse(null);
        if (!hostId.equals(publisher)) {
            throw new RuleViolation(
                    "offeringId",
                    "offering '" + offeringId + "' is published by "
                            + (publisher == null ? "no host of the ledger" : "host '" + publisher + "'")
                            + ", not by the decision's host '" + hostId + "'");
        }
        return offeringId;
    }

    @CommandHandler
    public long handle(ChallengeHostingDecision command) {
        LocalDate effectiveOn = followUpDate(command.effectiveOn(), "a challenge");
        apply(new HostingDecisionChallenged(
                decisionId,
                Rules.text(command.by(), "by"),
                effectiveOn,
                Rules.text(command.argument(), "argument"),
                Rules.optional(command.forum()),
                Rules.optional(command.outcome()),
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(PlanMigration command, KnownRecords knownRecords) {
        LocalDate effectiveOn = followUpDate(command.effectiveOn(), "a migration plan");
        LocalDate targetDate = Rules.date(command.targetDate(), "targetDate");
        Rules.notBefore(targetDate, effectiveOn, "targetDate", "the plan's own date");
        String targetHostId = Rules.optional(command.targetHostId());
        if (targetHostId != null) {
            registered(knownRecords, targetHostId, "targetHostId");
            if (targetHostId.equals(hostId)) {
                throw new RuleViolation("targetHostId", "a migration goes to another host than the current one");
            }
        }
        apply(new MigrationPlanned(
                decisionId,
                targetHostId,
                Rules.optional(command.target()),
                targetDate,
                effectiveOn,
                Rules.text(command.rationale(), "rationale"),
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(EndHostingDecision command, KnownRecords knownRecords) {
        LocalDate effectiveOn = Rules.date(command.effectiveOn(), "effectiveOn");
        if (endedOn != null) {
            throw new RuleViolation("the decision already ended on " + endedOn);
        }
        Rules.notBefore(effectiveOn, decidedOn, "effectiveOn", "the decision");
        if (lastFollowUpOn != null) {
            Rules.notBefore(effectiveOn, lastFollowUpOn, "effectiveOn", "its latest recorded challenge or plan");
        }
        String supersededBy = Rules.optional(command.supersededBy());
        if (supersededBy != null) {
            if (supersededBy.equals(decisionId)) {
                throw new RuleViolation("supersededBy", "a decision cannot supersede itself");
            }
            if (!knownRecords.holds(supersededBy, RecordKind.DECISION)) {
                throw new RuleViolation("supersededBy", "no decision with id '" + supersededBy + "' is recorded");
            }
        }
        apply(new HostingDecisionEnded(
                decisionId,
                effectiveOn,
                Rules.text(command.reason(), "reason"),
                supersededBy,
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(CorrectHostingDecision command, KnownRecords knownRecords) {
        String reason = Rules.text(command.reason(), "reason");
        String newHostId = hostId;
        if (command.hostId() != null && !command.hostId().equals(hostId)) {
            newHostId = registered(knownRecords, command.hostId(), "hostId");
        }
        String newController = correctedValue(Rules.optional(command.controller()), controller);
        String newSystem = correctedValue(Rules.optional(command.system()), system);
        List<Integer> newActivities =
                command.activities() == null ? activities : activities(command.activities(), registerEntry);
        LocalDate newDecidedOn = correctedValue(command.decidedOn(), decidedOn);
        ProcurementRoute newProcurement = correctedValue(command.procurement(), procurement);
        String newContractor = corrected(command.contractor(), contractor);
        String newRationale = correctedValue(Rules.optional(command.rationale()), rationale);
        List<String> newAlternatives =
                command.alternatives() == null ? alternatives : alternatives(command.alternatives());
        String newOfferingId = correctedValue(command.offeringId(), offeringId);
        if (newOfferingId != null && !(newOfferingId.equals(offeringId) && newHostId.equals(hostId))) {
            // A new offering, or the same offering on a corrected host: it must be that host's.
            offering(knownRecords, newOfferingId, newHostId);
        }
        if (firstFollowUpOn != null && newDecidedOn.isAfter(firstFollowUpOn)) {
            throw new RuleViolation(
                    "decidedOn", "decidedOn cannot move after the first challenge or plan (" + firstFollowUpOn + ")");
        }
        if (endedOn != null && newDecidedOn.isAfter(endedOn)) {
            throw new RuleViolation("decidedOn", "decidedOn cannot move after the end (" + endedOn + ")");
        }
        if (newHostId.equals(hostId)
                && newController.equals(controller)
                && newSystem.equals(system)
                && newActivities.equals(activities)
                && newDecidedOn.equals(decidedOn)
                && newProcurement == procurement
                && Objects.equals(newContractor, contractor)
                && newRationale.equals(rationale)
                && newAlternatives.equals(alternatives)
                && Objects.equals(newOfferingId, offeringId)) {
            throw new RuleViolation("the correction changes nothing");
        }
        apply(new HostingDecisionCorrected(
                decisionId,
                newController,
                newSystem,
                newHostId,
                newActivities,
                newDecidedOn,
                newProcurement,
                newContractor,
                newRationale,
                newAlternatives,
                reason,
                Rules.sources(command.sources()),
                Objects.equals(newOfferingId, offeringId) ? null : newOfferingId));
        return getVersion();
    }

    private LocalDate followUpDate(LocalDate effectiveOn, String what) {
        Rules.date(effectiveOn, "effectiveOn");
        Rules.notBefore(effectiveOn, decidedOn, "effectiveOn", "the decision");
        if (endedOn != null && effectiveOn.isAfter(endedOn)) {
            throw new RuleViolation(
                    "effectiveOn", "the decision ended on " + endedOn + "; " + what + " cannot be dated after its end");
        }
        return effectiveOn;
    }

    private static String registered(KnownRecords knownRecords, String hostId, String field) {
        Rules.text(hostId, field);
        if (!knownRecords.holds(hostId, RecordKind.HOST)) {
            throw new RuleViolation(field, "no host with id '" + hostId + "' is registered");
        }
        return hostId;
    }

    private static ProcurementRoute procurement(ProcurementRoute procurement) {
        if (procurement == null) {
            throw new RuleViolation("procurement", "procurement is required");
        }
        return procurement;
    }

    private static List<String> alternatives(List<String> alternatives) {
        if (alternatives == null) {
            return List.of();
        }
        return alternatives.stream()
                .map(Rules::optional)
                .filter(Objects::nonNull)
                .toList();
    }

    @EventSourcingHandler
    void on(HostingDecisionRecorded event) {
        decisionId = event.decisionId();
        controller = event.controller();
        system = event.system();
        hostId = event.hostId();
        activities = event.activities();
        registerEntry = event.registerEntry();
        decidedOn = event.decidedOn();
        procurement = event.procurement();
        contractor = event.contractor();
        rationale = event.rationale();
        alternatives = event.alternatives();
        offeringId = event.offeringId();
    }

    @EventSourcingHandler
    void on(HostingDecisionChallenged event) {
        followedUp(event.effectiveOn());
    }

    @EventSourcingHandler
    void on(MigrationPlanned event) {
        followedUp(event.effectiveOn());
    }

    @EventSourcingHandler
    void on(HostingDecisionEnded event) {
        endedOn = event.effectiveOn();
    }

    @EventSourcingHandler
    void on(HostingDecisionCorrected event) {
        controller = event.controller();
        system = event.system();
        hostId = event.hostId();
        activities = event.activities();
        decidedOn = event.decidedOn();
        procurement = event.procurement();
        contractor = event.contractor();
        rationale = event.rationale();
        alternatives = event.alternatives();
        if (event.offeringId() != null) {
            offeringId = event.offeringId();
        }
    }

    private void followedUp(LocalDate effectiveOn) {
        if (firstFollowUpOn == null || effectiveOn.isBefore(firstFollowUpOn)) {
            firstFollowUpOn = effectiveOn;
        }
        if (lastFollowUpOn == null || effectiveOn.isAfter(lastFollowUpOn)) {
            lastFollowUpOn = effectiveOn;
        }
    }
}
