package org.hostledger.api.offerings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hostledger.api.application.WriteResult;
import org.hostledger.api.web.CommandRequest;
import org.hostledger.api.web.CommandResponses;
import org.hostledger.api.web.RecordPaths;
import org.hostledger.api.web.SourceRequest;
import org.hostledger.api.web.validation.CountryCode;
import org.hostledger.api.web.validation.LedgerId;
import org.hostledger.api.web.validation.PlainText;
import org.hostledger.core.command.CorrectOffering;
import org.hostledger.core.offering.AccessGround;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.core.offering.ChainRole;
import org.hostledger.core.offering.HdsStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Corrections of an offering's chain. Offerings are added, changed and removed by importing their host's transfer
 * map; a chain recorded wrongly (a mistyped activity, a misread answer) is fixed here, with a reason and sources, like
 * the corrections of the other records. The chain's rules (one host, activities 1–6, countries and grounds for every
 * yes answer, no cycle) are the aggregate's: a chain that breaks one is refused with the field that does.
 */
@RestController
@Tag(name = "Offerings")
public class OfferingWriteController {

    private final CommandResponses commands;

    public OfferingWriteController(CommandResponses commands) {
        this.commands = commands;
    }

    /** One actor of the chain, as in {@code GET /api/offerings/{id}}. */
    public record ChainActorRequest(
            @NotBlank @PlainText String actor,
            @LedgerId String hostId,
            @NotNull ChainRole role,
            @PlainText String under,
            @NotNull HdsStatus hds,
            @PlainText(max = 500) String exemptionGround,
            Boolean secNumCloud,
            @NotEmpty @Size(max = 6) List<@NotNull @Min(1) @Max(6) Integer> activities,
            @NotNull Boolean accessFromOutsideEea,
            // Springdoc does not carry @CountryCode to these items; the schema says the same bounds.
            @ArraySchema(schema = @Schema(maxLength = 2, pattern = "^[A-Z]{2}$")) @Size(max = 50)
            List<@NotNull @CountryCode String> accessCountries,

            AccessGround accessGround,
            @NotNull Boolean exposedToNonEuLaw,
            // Springdoc does not carry @CountryCode to these items; the schema says the same bounds.
            @ArraySchema(schema = @Schema(maxLength = 2, pattern = "^[A-Z]{2}$")) @Size(max = 50)
            List<@NotNull @CountryCode String> exposureCountries,

            @PlainText(max = 2000, multiline = true) String note) {

        ChainActor toActor() {
            return new ChainActor(
                    actor,
                    hostId,
                    role,
                    under,
                    hds,
                    exemptionGround,
                    Boolean.TRUE.equals(secNumCloud),
                    activities,
                    accessFromOutsideEea,
                    accessCountries,
                    accessGround,
                    exposedToNonEuLaw,
                    exposureCountries,
                    note);
        }
    }

    public record OfferingCorrectionRequest(
            @NotEmpty @Size(max = 50) List<@NotNull @Valid ChainActorRequest> chain,

            @NotBlank @PlainText(max = 2000, multiline = true)
            String reason,

            @NotEmpty @Size(max = 50) List<@NotNull @Valid SourceRequest> sources)
            implements CommandRequest {

        @Override
        public CorrectOffering toCommand(String recordId, Long expectedVersion) {
            return new CorrectOffering(
                    recordId,
                    chain.stream().map(ChainActorRequest::toActor).toList(),
                    reason,
                    SourceRequest.notes(sources),
                    expectedVersion);
        }
    }

    @PostMapping("/api/offerings/{id}/corrections")
    @Operation(
            summary = "Correct the chain recorded by the offering's latest change; the original stays in the history")
    public ResponseEntity<WriteResult> correct(
            @PathVariable String id,
            @RequestHeader(value = "If-Match", required = false) String ifMatch,
            @Valid @RequestBody OfferingCorrectionRequest request) {
        return commands.created(
                RecordPaths.OFFERING,
                request.toCommand(RecordPaths.id(id, "offering"), RecordPaths.expectedVersion(ifMatch)));
    }
}
