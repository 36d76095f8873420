package org.hostledger.api.certifications;

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
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.api.web.SourceRequest;
import org.hostledger.api.web.validation.LedgerDate;
import org.hostledger.api.web.validation.LedgerId;
import org.hostledger.api.web.validation.PlainText;
import org.hostledger.core.command.ChangeCertificationScope;
import org.hostledger.core.command.CorrectCertification;
import org.hostledger.core.command.GrantCertification;
import org.hostledger.core.command.ReinstateCertification;
import org.hostledger.core.command.RenewCertification;
import org.hostledger.core.command.SuspendCertification;
import org.hostledger.core.command.WithdrawCertification;
import org.hostledger.core.model.LedgerIds;
import org.hostledger.core.model.Scheme;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/certifications")
@Tag(name = "Certifications")
public class CertificationWriteController {

    private final CommandResponses commands;

    public CertificationWriteController(CommandResponses commands) {
        this.commands = commands;
    }

    public record GrantRequest(
            @LedgerId String id,
            @NotBlank @LedgerId String hostId,
            @NotBlank @PlainText(max = 40) String scheme,
            @NotBlank @PlainText(max = 40) String referential,
            @NotBlank @PlainText String certifier,
            @NotNull @Size(max = 6) List<@NotNull @Min(1) @Max(6) Integer> activities,
            @PlainText(max = 2000, multiline = true) String scope,
            @NotNull @LedgerDate LocalDate validFrom,
            @NotNull @LedgerDate LocalDate validUntil,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public GrantCertification toCommand(String recordId, Long expectedVersion) {
            if (Scheme.HDS.code().equals(scheme) && activities.isEmpty()) {
                throw FieldError.invalid(
                        "activities",
                        "hostledger.validation.hdsActivities",
                        "an HDS certificate covers at least one activity");
            }
            if (!validUntil.isAfter(validFrom)) {
                throw FieldError.invalid(
                        "validUntil", "hostledger.validation.afterValidFrom", "must be after validFrom");
            }
            return new GrantCertification(
                    id != null ? id : LedgerIds.generate("cert"),
                    hostId,
                    scheme,
                    referential,
                    certifier,
                    activities,
                    scope,
                    validFrom,
                    validUntil,
                    SourceRequest.notes(sources));
        }
    }

    public record LifecycleRequest(
            @NotNull @LedgerDate LocalDate effectiveOn,

            @NotBlank @PlainText(max = 2000, multiline = true)
            String reason,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources) {

        /** The same request suspends, reinstates or withdraws, as the path says. */
        public CommandRequest as(LifecycleAction action) {
            return (recordId, expectedVersion) -> switch (action) {
                case SUSPEND ->
                    new SuspendCertification(
                            recordId, effectiveOn, reason, SourceRequest.notes(sources), expectedVersion);
                case REINSTATE ->
                    new ReinstateCertification(
                            recordId, effectiveOn, reason, SourceRequest.notes(sources), expectedVersion);
                case WITHDRAW ->
                    new WithdrawCertification(
                            recordId, effectiveOn, reason, SourceRequest.notes(sources), expectedVersion);
            };
        }
    }

    /** What a {@link LifecycleRequest} does to a certificate. */
    public enum LifecycleAction {
        SUSPEND,
        REINSTATE,
        WITHDRAW
    }

    public record RenewalRequest(
            @NotNull @LedgerDate LocalDate validUntil,
            @PlainText(max = 40) String referential,
            @NotNull @LedgerDate LocalDate effectiveOn,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public RenewCertification toCommand(String recordId, Long expectedVersion) {
            return new RenewCertification(
                    recordId, validUntil, referential, effectiveOn, SourceRequest.notes(sources), expectedVersion);
        }
    }

    public record ScopeChangeRequest(
            @NotEmpty @Size(max = 6) List<@NotNull @Min(1) @Max(6) Integer> activities,
            @NotNull @LedgerDate LocalDate effectiveOn,

            @NotBlank @PlainText(max = 2000, multiline = true)
            String reason,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public ChangeCertificationScope toCommand(String recordId, Long expectedVersion) {
            return new ChangeCertificationScope(
                    recordId, activities, effectiveOn, reason, SourceRequest.notes(sources), expectedVersion);
        }
    }

    public record CertificationCorrectionRequest(
            @LedgerId String hostId,
            @PlainText(max = 40) String referential,
            @PlainText String certifier,
            @Size(max = 6) List<@NotNull @Min(1) @Max(6) Integer> activities,
            @PlainText(max = 2000, multiline = true) String scope,
            @LedgerDate LocalDate validFrom,
            @LedgerDate LocalDate validUntil,

            @NotBlank @PlainText(max = 2000, multiline = true)
            String reason,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public CorrectCertification toCommand(String recordId, Long expectedVersion) {
            return new CorrectCertification(
                    recordId,
                    hostId,
                    referential,
                    certifier,
                    activities,
                    scope,
                    validFrom,
                    validUntil,
                    reason,
                    SourceRequest.notes(sources),
                    expectedVersion);
        }
    }

    @PostMapping
    @Operation(summary = "Record a certificate granted to a host")
    public ResponseEntity<WriteResult> grant(@Valid @RequestBody GrantRequest request) {
        return commands.created(RecordPaths.CERTIFICATION, request.toCommand(null, null));
    }

    @PostMapping("/{id}/suspensions")
    @Operation(summary = "Record a suspension")
    public ResponseEntity<WriteResult> suspend(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LifecycleRequest request) {
        return commands.created(
                RecordPaths.CERTIFICATION,
                request.as(LifecycleAction.SUSPEND).toCommand(certification(id), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/reinstatements")
    @Operation(summary = "Record that a suspended certificate is in force again")
    public ResponseEntity<WriteResult> reinstate(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LifecycleRequest request) {
        return commands.created(
                RecordPaths.CERTIFICATION,
                request.as(LifecycleAction.REINSTATE)
                        .toCommand(certification(id), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/withdrawals")
    @Operation(summary = "Record a withdrawal")
    public ResponseEntity<WriteResult> withdraw(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody LifecycleRequest request) {
        return commands.created(
                RecordPaths.CERTIFICATION,
                request.as(LifecycleAction.WITHDRAW)
                        .toCommand(certification(id), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/renewals")
    @Operation(summary = "Record a renewal that extends the validity")
    public ResponseEntity<WriteResult> renew(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody RenewalRequest request) {
        return commands.created(
                RecordPaths.CERTIFICATION, request.toCommand(certification(id), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/scope-changes")
    @Operation(summary = "Record a change of the activities covered")
    public ResponseEntity<WriteResult> changeScope(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody ScopeChangeRequest request) {
        return commands.created(
                RecordPaths.CERTIFICATION, request.toCommand(certification(id), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct the grant's facts; the original stays in the history")
    public ResponseEntity<WriteResult> correct(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody CertificationCorrectionRequest request) {
        return commands.created(
                RecordPaths.CERTIFICATION, request.toCommand(certification(id), RecordPaths.expectedVersion(ifMatch)));
    }

    private static String certification(String id) {
        return RecordPaths.id(id, "certification");
    }
}
