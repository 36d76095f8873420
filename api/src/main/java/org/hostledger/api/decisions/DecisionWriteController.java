package org.hostledger.api.decisions;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.hostledger.api.application.WriteResult;
import org.hostledger.api.web.CommandRequest;
import org.hostledger.api.web.CommandResponses;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.api.web.SourceRequest;
import org.hostledger.api.web.validation.LedgerDate;
import org.hostledger.api.web.validation.LedgerId;
import org.hostledger.api.web.validation.PlainText;
import org.hostledger.core.command.ChallengeHostingDecision;
import org.hostledger.core.command.CorrectHostingDecision;
import org.hostledger.core.command.EndHostingDecision;
import org.hostledger.core.command.PlanMigration;
import org.hostledger.core.command.RecordHostingDecision;
import org.hostledger.core.model.LedgerIds;
import org.hostledger.core.model.ProcurementRoute;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/decisions")
@Tag(name = "Hosting decisions")
public class DecisionWriteController {

    private final CommandResponses commands;

    public DecisionWriteController(CommandResponses commands) {
        this.commands = commands;
    }

    public record DecisionRequest(
            @LedgerId String id,
            @NotBlank @PlainText String controller,
            @NotBlank @PlainText String system,
            @NotBlank @LedgerId String hostId,
            @NotEmpty @Size(max = 6) List<@NotNull @Min(1) @Max(6) Integer> activities,
            @NotNull @LedgerDate LocalDate decidedOn,
            @NotNull ProcurementRoute procurement,
            @PlainText String contractor,

            @NotBlank @PlainText(max = 5000, multiline = true)
            String rationale,

            @Size(max = 20) List<@NotNull @PlainText(max = 500) String> alternatives,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources,
            @LedgerId String offeringId)
            implements CommandRequest {

        @Override
        public RecordHostingDecision toCommand(String recordId, Long expectedVersion) {
            return new RecordHostingDecision(
                    id != null ? id : LedgerIds.generate("decision"),
                    controller,
                    system,
                    hostId,
                    activities,
                    decidedOn,
                    procurement,
                    contractor,
                    rationale,
                    alternatives,
                    SourceRequest.notes(sources),
                    offeringId);
        }
    }

    public record ChallengeRequest(
            @NotBlank @PlainText String by,
            @NotNull @LedgerDate LocalDate effectiveOn,

            @NotBlank @PlainText(max = 5000, multiline = true)
            String argument,

            @PlainText String forum,
            @PlainText(max = 2000, multiline = true) String outcome,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public ChallengeHostingDecision toCommand(String recordId, Long expectedVersion) {
            return new ChallengeHostingDecision(
                    recordId, by, effectiveOn, argument, forum, outcome, SourceRequest.notes(sources), expectedVersion);
        }
    }

    public record MigrationPlanRequest(
            @LedgerId String targetHostId,
            @PlainText(max = 500) String target,
            @NotNull @LedgerDate LocalDate targetDate,
            @NotNull @LedgerDate LocalDate effectiveOn,

            @NotBlank @PlainText(max = 5000, multiline = true)
            String rationale,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public PlanMigration toCommand(String recordId, Long expectedVersion) {
            return new PlanMigration(
                    recordId,
                    targetHostId,
                    target,
                    targetDate,
                    effectiveOn,
                    rationale,
                    SourceRequest.notes(sources),
                    expectedVersion);
        }
    }

    public record EndingRequest(
            @NotNull @LedgerDate LocalDate effectiveOn,

            @NotBlank @PlainText(max = 2000, multiline = true)
            String reason,

            @LedgerId String supersededBy,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public EndHostingDecision toCommand(String recordId, Long expectedVersion) {
            return new EndHostingDecision(
                    recordId, effectiveOn, reason, supersededBy, SourceRequest.notes(sources), expectedVersion);
        }
    }

    public record DecisionCorrectionRequest(
            @PlainText String controller,
            @PlainText String system,
            @LedgerId String hostId,
            @Size(min = 1, max = 6) List<@NotNull @Min(1) @Max(6) Integer> activities,
            @LedgerDate LocalDate decidedOn,
            ProcurementRoute procurement,
            @PlainText String contractor,
            @PlainText(max = 5000, multiline = true) String rationale,
            @Size(max = 20) List<@NotNull @PlainText(max = 500) String> alternatives,

            @NotBlank @PlainText(max = 2000, multiline = true)
            String reason,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources,
            @LedgerId String offeringId)
            implements CommandRequest {

        @Override
        public CorrectHostingDecision toCommand(String recordId, Long expectedVersion) {
            return new CorrectHostingDecision(
                    recordId,
                    controller,
                    system,
                    hostId,
                    activities,
                    decidedOn,
                    procurement,
                    contractor,
                    rationale,
                    alternatives,
                    reason,
                    SourceRequest.notes(sources),
                    offeringId,
                    expectedVersion);
        }
    }

    @PostMapping
    @Operation(summary = "Record a hosting decision")
    public ResponseEntity<WriteResult> record(@Valid @RequestBody DecisionRequest request) {
        return commands.created(RecordPaths.DECISION, request.toCommand(null, null));
    }

    @PostMapping("/{id}/challenges")
    @Operation(summary = "Record a challenge to the decision")
    public ResponseEntity<WriteResult> challenge(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ChallengeRequest request) {
        return commands.created(
                RecordPaths.DECISION, request.toCommand(decision(id), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/migration-plans")
    @Operation(summary = "Record an announced migration off the host")
    public ResponseEntity<WriteResult> planMigration(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody MigrationPlanRequest request) {
        return commands.created(
                RecordPaths.DECISION, request.toCommand(decision(id), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/endings")
    @Operation(summary = "Record the end of the decision")
    public ResponseEntity<WriteResult> end(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody EndingRequest request) {
        return commands.created(
                RecordPaths.DECISION, request.toCommand(decision(id), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct the decision's facts; the original stays in the history")
    public ResponseEntity<WriteResult> correct(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody DecisionCorrectionRequest request) {
        return commands.created(
                RecordPaths.DECISION, request.toCommand(decision(id), RecordPaths.expectedVersion(ifMatch)));
    }

    private static String decision(String id) {
        return RecordPaths.id(id, "decision");
    }
}
