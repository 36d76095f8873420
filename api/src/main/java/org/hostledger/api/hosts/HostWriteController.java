package org.hostledger.api.hosts;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
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
import org.hostledger.api.web.validation.CountryCode;
import org.hostledger.api.web.validation.LedgerDate;
import org.hostledger.api.web.validation.LedgerId;
import org.hostledger.api.web.validation.PlainText;
import org.hostledger.core.command.ChangeHostOwnership;
import org.hostledger.core.command.CorrectHost;
import org.hostledger.core.command.RegisterHost;
import org.hostledger.core.model.LedgerIds;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/hosts")
@Tag(name = "Hosts")
public class HostWriteController {

    private final CommandResponses commands;

    public HostWriteController(CommandResponses commands) {
        this.commands = commands;
    }

    public record RegisterHostRequest(
            @LedgerId String id,
            @NotBlank @PlainText String name,
            @NotBlank @CountryCode String country,
            @PlainText String parentCompany,
            @CountryCode String parentCountry,
            @NotNull @LedgerDate LocalDate effectiveOn,
            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public RegisterHost toCommand(String recordId, Long expectedVersion) {
            return new RegisterHost(
                    id != null ? id : LedgerIds.generate("host"),
                    name,
                    country,
                    parentCompany,
                    parentCountry,
                    effectiveOn,
                    SourceRequest.notes(sources));
        }
    }

    public record OwnershipChangeRequest(
            @PlainText String parentCompany,
            @CountryCode String parentCountry,
            @NotNull @LedgerDate LocalDate effectiveOn,

            @NotBlank @PlainText(max = 2000, multiline = true)
            String reason,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public ChangeHostOwnership toCommand(String recordId, Long expectedVersion) {
            return new ChangeHostOwnership(
                    recordId,
                    parentCompany,
                    parentCountry,
                    effectiveOn,
                    reason,
                    SourceRequest.notes(sources),
                    expectedVersion);
        }
    }

    public record HostCorrectionRequest(
            @PlainText String name,
            @CountryCode String country,
            @PlainText String parentCompany,
            @CountryCode String parentCountry,
            @LedgerDate LocalDate effectiveOn,

            @NotBlank @PlainText(max = 2000, multiline = true)
            String reason,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public CorrectHost toCommand(String recordId, Long expectedVersion) {
            return new CorrectHost(
                    recordId,
                    name,
                    country,
                    parentCompany,
                    parentCountry,
                    effectiveOn,
                    reason,
                    SourceRequest.notes(sources),
                    expectedVersion);
        }
    }

    @PostMapping
    @Operation(summary = "Register a hosting company")
    public ResponseEntity<WriteResult> register(@Valid @RequestBody RegisterHostRequest request) {
        return commands.created(RecordPaths.HOST, request.toCommand(null, null));
    }

    @PostMapping("/{id}/ownership-changes")
    @Operation(summary = "Record a change of the host's ultimate parent")
    public ResponseEntity<WriteResult> changeOwnership(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OwnershipChangeRequest request) {
        return commands.created(
                RecordPaths.HOST, request.toCommand(RecordPaths.id(id, "host"), RecordPaths.expectedVersion(ifMatch)));
    }

    @PostMapping("/{id}/corrections")
    @Operation(summary = "Correct the host's registration; the original stays in the history")
    public ResponseEntity<WriteResult> correct(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody HostCorrectionRequest request) {
        return commands.created(
                RecordPaths.HOST, request.toCommand(RecordPaths.id(id, "host"), RecordPaths.expectedVersion(ifMatch)));
    }
}
