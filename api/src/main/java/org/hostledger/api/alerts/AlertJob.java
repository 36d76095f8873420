package org.hostledger.api.alerts;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.hostledger.api.application.LedgerCommands;
import org.hostledger.api.application.Queries;
import org.hostledger.core.alert.AlertKeys;
import org.hostledger.core.alert.AlertKind;
import org.hostledger.core.command.RecordAlert;
import org.hostledger.core.query.AlertCandidates;
import org.hostledger.core.query.AlertCandidates.CertificateCandidate;
import org.hostledger.core.query.AlertCandidates.DecisionCandidate;
import org.hostledger.core.query.ComplianceStatus;
import org.hostledger.core.query.ListAlertCandidates;
import org.hostledger.core.rule.IdAlreadyTaken;
import org.hostledger.core.rule.LedgerRejection;
import org.hostledger.store.processing.ProjectionProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One run of the alert job: reads what needs an alert today (as the views hold it once they reached the store's
 * head) and records each occurrence as an {@code AlertRecorded} event through the ordinary command path, chained and
 * audited like every write, as actor {@value #ACTOR}. An occurrence already recorded — by an earlier run or by
 * another node at the same moment — is refused by its id ({@link AlertKeys}) and counted as such.
 */
@Component
public class AlertJob {

    public static final String ACTOR = "hostledger-alerts";

    private static final Logger log = LoggerFactory.getLogger(AlertJob.class);

    private final Queries queries;
    private final LedgerCommands commands;
    private final ProjectionProgress progress;
    private final AlertProperties properties;
    private final Clock clock;
    private final ZoneId zone;

    public AlertJob(
            Queries queries,
            LedgerCommands commands,
            ProjectionProgress progress,
            AlertProperties properties,
            Clock clock,
            @Value("${hostledger.zone:Europe/Paris}") String zone) {
        this.queries = queries;
        this.commands = commands;
        this.progress = progress;
        this.properties = properties;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** What a run did: alerts recorded, occurrences found already recorded, alerts the ledger refused. */
    public record Outcome(int recorded, int alreadyRecorded, int refused) {}

    private enum Result {
        RECORDED,
        ALREADY_RECORDED,
        REFUSED
    }

    public Outcome run() {
        long head = progress.head();
        if (head >= 0 && !progress.await(head, properties.getCatchUp())) {
            throw new IllegalStateException("the views did not reach position " + head + " in "
                    + properties.getCatchUp() + "; the alert job will look again at its next run");
        }
        LocalDate today = LocalDate.now(clock.withZone(zone));
        AlertCandidates candidates =
                queries.ask(new ListAlertCandidates(today, properties.getHorizonDays()), AlertCandidates.class);
        EnumMap<Result, Integer> counts = new EnumMap<>(Result.class);
        for (CertificateCandidate c : candidates.certificates()) {
            String occurrence = c.occurredOn().toString();
            LocalDate effectiveOn = c.kind() == AlertKind.CERTIFICATE_EXPIRING ? today : c.occurredOn();
            counts.merge(
                    record(new RecordAlert(
                            AlertKeys.of(c.kind(), c.certificationId(), occurrence),
                            c.kind(),
                            c.certificationId(),
                            c.hostId(),
                            occurrence,
                            c.decisions(),
                            c.validUntil(),
                            List.of(),
                            effectiveOn)),
                    1,
                    Integer::sum);
        }
        for (DecisionCandidate d : candidates.decisions()) {
            AlertKind kind =
                    switch (d.compliance()) {
                        case GAP -> AlertKind.DECISION_GAP;
                        case NOT_CERTIFIED -> AlertKind.DECISION_NOT_CERTIFIED;
                        case COVERED -> AlertKind.DECISION_COVERED;
                    };
            String occurrence = Integer.toString(d.lastSequence() + 1);
            counts.merge(
                    record(new RecordAlert(
                            AlertKeys.of(kind, d.decisionId(), occurrence),
                            kind,
                            d.decisionId(),
                            d.hostId(),
                            occurrence,
                            List.of(d.decisionId()),
                            null,
                            d.compliance() == ComplianceStatus.COVERED ? List.of() : d.uncoveredActivities(),
                            today)),
                    1,
                    Integer::sum);
        }
        Outcome outcome = new Outcome(
                counts.getOrDefault(Result.RECORDED, 0),
                counts.getOrDefault(Result.ALREADY_RECORDED, 0),
                counts.getOrDefault(Result.REFUSED, 0));
        if (outcome.recorded() > 0 || outcome.refused() > 0) {
            log.info("alert job: {}", outcome);
        }
        return outcome;
    }

    private Result record(RecordAlert command) {
        try {
            commands.sendAs(command, ACTOR, "alerts-" + today());
            return Result.RECORDED;
        } catch (IdAlreadyTaken | AggregateStreamCreationException e) {
            return Result.ALREADY_RECORDED;
        } catch (LedgerRejection e) {
            // One refused alert must not hold back the others; it is tried again at the next run.
            log.warn("alert job: {} refused: {}", command.alertKey(), e.getMessage());
            return Result.REFUSED;
        }
    }

    private String today() {
        return LocalDate.now(clock.withZone(zone)).toString();
    }
}
