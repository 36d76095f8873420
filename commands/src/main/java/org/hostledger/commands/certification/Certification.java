package org.hostledger.commands.certification;

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
import org.hostledger.commands.Rules;
import org.hostledger.commands.lookup.KnownRecords;
import org.hostledger.core.command.ChangeCertificationScope;
import org.hostledger.core.command.CorrectCertification;
import org.hostledger.core.command.GrantCertification;
import org.hostledger.core.command.RecordKind;
import org.hostledger.core.command.ReinstateCertification;
import org.hostledger.core.command.RenewCertification;
import org.hostledger.core.command.SuspendCertification;
import org.hostledger.core.command.WithdrawCertification;
import org.hostledger.core.event.CertificationCorrected;
import org.hostledger.core.event.CertificationGranted;
import org.hostledger.core.event.CertificationReinstated;
import org.hostledger.core.event.CertificationRenewed;
import org.hostledger.core.event.CertificationScopeChanged;
import org.hostledger.core.event.CertificationSuspended;
import org.hostledger.core.event.CertificationWithdrawn;
import org.hostledger.core.model.Scheme;
import org.hostledger.core.model.SchemeCatalog;
import org.hostledger.core.rule.RuleViolation;

/**
 * One certificate: granted → suspended ⇄ reinstated → withdrawn, renewed, its scope changed. Expiry is not an event:
 * it follows from the validity window and the date asked.
 *
 * <p>Lifecycle changes must come in the order of their effective dates, so that the certificate's state on any day is
 * well defined; history entered late is still fine as long as each certificate's own changes are entered in order.
 */
@AggregateRoot(type = "Certification")
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE)
public class Certification {

    enum Status {
        GRANTED,
        SUSPENDED,
        WITHDRAWN
    }

    @AggregateIdentifier
    private String certificationId;

    private String hostId;
    private String scheme;
    /** Referential as granted (what corrections fix) and as of the latest renewal audit. */
    private String grantedReferential;

    private String referential;
    private String certifier;
    private String scope;
    /** Activities as granted (what corrections fix) and as in force now (after scope changes). */
    private List<Integer> grantedActivities;

    private List<Integer> activities;
    private LocalDate validFrom;
    /** Validity as granted (what corrections fix) and as extended by renewals. */
    private LocalDate grantedUntil;

    private LocalDate validUntil;
    private Status status;
    private boolean renewed;
    private boolean rescoped;
    /** Effective dates of the first and latest lifecycle change, null while there is none. */
    private LocalDate firstChangeOn;

    private LocalDate lastChangeOn;

    protected Certification() {
        // for Axon and snapshots
    }

    @CommandHandler
    public Certification(GrantCertification command, KnownRecords knownRecords, SchemeCatalog schemes) {
        Scheme scheme = scheme(schemes, command.scheme());
        String hostId = registeredHost(knownRecords, command.hostId());
        List<Integer> activities = Rules.activities(command.activities(), scheme);
        LocalDate validFrom = Rules.date(command.validFrom(), "validFrom");
        LocalDate validUntil = Rules.date(command.validUntil(), "validUntil");
        checkWindow(scheme, validFrom, validUntil);
        apply(new CertificationGranted(
                command.certificationId(),
                hostId,
                scheme.code(),
                Rules.text(command.referential(), "referential"),
                Rules.text(command.certifier(), "certifier"),
                activities,
                Rules.optional(command.scope()),
                validFrom,
                validUntil,
                Rules.sources(command.sources())));
    }

    @CommandHandler
    public long handle(SuspendCertification command) {
        LocalDate effectiveOn = lifecycleDate(command.effectiveOn());
        if (status == Status.WITHDRAWN) {
            throw new RuleViolation("a withdrawn certificate cannot be suspended");
        }
        if (status == Status.SUSPENDED) {
            throw new RuleViolation("the certificate is already suspended");
        }
        if (effectiveOn.isAfter(validUntil)) {
            throw new RuleViolation(
                    "effectiveOn",
                    "the certificate expired on " + validUntil + "; an expired certificate cannot be suspended");
        }
        apply(new CertificationSuspended(
                certificationId,
                effectiveOn,
                Rules.text(command.reason(), "reason"),
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(ReinstateCertification command) {
        LocalDate effectiveOn = lifecycleDate(command.effectiveOn());
        if (status != Status.SUSPENDED) {
            throw new RuleViolation("only a suspended certificate can be reinstated; this one is " + describeStatus());
        }
        apply(new CertificationReinstated(
                certificationId,
                effectiveOn,
                Rules.text(command.reason(), "reason"),
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(WithdrawCertification command) {
        LocalDate effectiveOn = lifecycleDate(command.effectiveOn());
        if (status == Status.WITHDRAWN) {
            throw new RuleViolation("the certificate is already withdrawn");
        }
        apply(new CertificationWithdrawn(
                certificationId,
                effectiveOn,
                Rules.text(command.reason(), "reason"),
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(RenewCertification command, SchemeCatalog schemes) {
        LocalDate effectiveOn = lifecycleDate(command.effectiveOn());
        LocalDate newUntil = Rules.date(command.validUntil(), "validUntil");
        if (status == Status.WITHDRAWN) {
            throw new RuleViolation("a withdrawn certificate cannot be renewed");
        }
        if (!newUntil.isAfter(validUntil)) {
            throw new RuleViolation(
                    "validUntil",
                    "a renewal only extends: validUntil must be after " + validUntil + ", not " + newUntil);
        }
        Scheme scheme = scheme(schemes, this.scheme);
        LocalDate cycleStart = effectiveOn.isAfter(validUntil) ? effectiveOn : validUntil;
        if (newUntil.isAfter(cycleStart.plusYears(scheme.maxValidityYears()))) {
            throw new RuleViolation(
                    "validUntil",
                    "a " + scheme.code() + " certificate cycle lasts at most " + scheme.maxValidityYears() + " years");
        }
        apply(new CertificationRenewed(
                certificationId,
                newUntil,
                Rules.optional(command.referential()),
                effectiveOn,
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(ChangeCertificationScope command, SchemeCatalog schemes) {
        LocalDate effectiveOn = lifecycleDate(command.effectiveOn());
        if (status == Status.WITHDRAWN) {
            throw new RuleViolation("the scope of a withdrawn certificate cannot change");
        }
        List<Integer> newActivities = Rules.activities(command.activities(), scheme(schemes, scheme));
        if (newActivities.equals(activities)) {
            throw new RuleViolation("activities", "the certificate already covers exactly these activities");
        }
        apply(new CertificationScopeChanged(
                certificationId,
                newActivities,
                effectiveOn,
                Rules.text(command.reason(), "reason"),
                Rules.sources(command.sources())));
        return getVersion();
    }

    @CommandHandler
    public long handle(CorrectCertification command, KnownRecords knownRecords, SchemeCatalog schemes) {
        String reason = Rules.text(command.reason(), "reason");
        Scheme scheme = scheme(schemes, this.scheme);
        String newHostId = hostId;
        if (command.hostId() != null && !command.hostId().equals(hostId)) {
            newHostId = registeredHost(knownRecords, command.hostId());
        }
        String newReferential = correctedValue(Rules.optional(command.referential()), grantedReferential);
        String newCertifier = correctedValue(Rules.optional(command.certifier()), certifier);
        String newScope = corrected(command.scope(), scope);
        List<Integer> newActivities =
                command.activities() == null ? grantedActivities : Rules.activities(command.activities(), scheme);
        LocalDate newFrom = correctedValue(command.validFrom(), validFrom);
        LocalDate newUntil = correctedValue(command.validUntil(), grantedUntil);
        checkWindow(scheme, newFrom, newUntil);
        if (firstChangeOn != null && newFrom.isAfter(firstChangeOn)) {
            throw new RuleViolation(
                    "validFrom", "validFrom cannot move after the first lifecycle change (" + firstChangeOn + ")");
        }
        if (renewed && !newUntil.isBefore(validUntil)) {
            throw new RuleViolation(
                    "validUntil", "the certificate was renewed until " + validUntil + "; the grant must end before");
        }
        if (newHostId.equals(hostId)
                && newReferential.equals(grantedReferential)
                && newCertifier.equals(certifier)
                && Objects.equals(newScope, scope)
                && newActivities.equals(grantedActivities)
                && newFrom.equals(validFrom)
                && newUntil.equals(grantedUntil)) {
            throw new RuleViolation("the correction changes nothing");
        }
        apply(new CertificationCorrected(
                certificationId,
                newHostId,
                newReferential,
                newCertifier,
                newActivities,
                newScope,
                newFrom,
                newUntil,
                reason,
                Rules.sources(command.sources())));
        return getVersion();
    }

    private LocalDate lifecycleDate(LocalDate effectiveOn) {
        Rules.date(effectiveOn, "effectiveOn");
        Rules.notBefore(effectiveOn, validFrom, "effectiveOn", "the start of the certificate's validity");
        if (lastChangeOn != null) {
            Rules.notBefore(effectiveOn, lastChangeOn, "effectiveOn", "the certificate's latest recorded change");
        }
        return effectiveOn;
    }

    private String describeStatus() {
        return status.name().toLowerCase();
    }

    private static Scheme scheme(SchemeCatalog schemes, String code) {
        if (code == null || code.isBlank()) {
            throw new RuleViolation("scheme", "scheme is required");
        }
        return schemes.find(code).orElseThrow(() -> new RuleViolation("scheme", "unknown scheme '" + code + "'"));
    }

    private static String registeredHost(KnownRecords knownRecords, String hostId) {
        Rules.text(hostId, "hostId");
        if (!knownRecords.holds(hostId, RecordKind.HOST)) {
            throw new RuleViolation("hostId", "no host with id '" + hostId + "' is registered");
        }
        return hostId;
    }

    private static void checkWindow(Scheme scheme, LocalDate from, LocalDate until) {
        if (!until.isAfter(from)) {
            throw new RuleViolation("validUntil", "validUntil (" + until + ") must be after validFrom (" + from + ")");
        }
        if (until.isAfter(from.plusYears(scheme.maxValidityYears()))) {
            throw new RuleViolation(
                    "validUntil",
                    "a " + scheme.code() + " certificate is valid at most " + scheme.maxValidityYears() + " years");
        }
    }

    @EventSourcingHandler
    void on(CertificationGranted event) {
        certificationId = event.certificationId();
        hostId = event.hostId();
        scheme = event.scheme();
        grantedReferential = event.referential();
        referential = event.referential();
        certifier = event.certifier();
        scope = event.scope();
        grantedActivities = event.activities();
        activities = event.activities();
        validFrom = event.validFrom();
        grantedUntil = event.validUntil();
        validUntil = event.validUntil();
        status = Status.GRANTED;
    }

    @EventSourcingHandler
    void on(CertificationSuspended event) {
        status = Status.SUSPENDED;
        changed(event.effectiveOn());
    }

    @EventSourcingHandler
    void on(CertificationReinstated event) {
        status = Status.GRANTED;
        changed(event.effectiveOn());
    }

    @EventSourcingHandler
    void on(CertificationWithdrawn event) {
        status = Status.WITHDRAWN;
        changed(event.effectiveOn());
    }

    @EventSourcingHandler
    void on(CertificationRenewed event) {
        validUntil = event.validUntil();
        renewed = true;
        if (event.referential() != null) {
            referential = event.referential();
        }
        changed(event.effectiveOn());
    }

    @EventSourcingHandler
    void on(CertificationScopeChanged event) {
        activities = event.activities();
        rescoped = true;
        changed(event.effectiveOn());
    }

    @EventSourcingHandler
    void on(CertificationCorrected event) {
        hostId = event.hostId();
        if (grantedReferential.equals(referential)) {
            referential = event.referential();
        }
        grantedReferential = event.referential();
        certifier = event.certifier();
        scope = event.scope();
        grantedActivities = event.activities();
        if (!rescoped) {
            activities = event.activities();
        }
        validFrom = event.validFrom();
        grantedUntil = event.validUntil();
        if (!renewed) {
            validUntil = event.validUntil();
        }
    }

    private void changed(LocalDate effectiveOn) {
        if (firstChangeOn == null) {
            firstChangeOn = effectiveOn;
        }
        lastChangeOn = effectiveOn;
    }
}
