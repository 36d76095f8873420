package org.hostledger.api.watch;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import org.hostledger.api.web.FieldError;
import org.hostledger.api.web.ReadParams;
import org.hostledger.api.web.ReadsNoView;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/changes}: every change recorded or effective between two dates, grouped by record. */
@ReadsNoView
@RestController
@Tag(name = "Watching")
public class ChangesController {

    private final ChangeLog log;
    private final ReadParams params;
    private final ZoneId zone;

    public ChangesController(ChangeLog log, ReadParams params, @Value("${hostledger.zone:Europe/Paris}") String zone) {
        this.log = log;
        this.params = params;
        this.zone = ZoneId.of(zone);
    }

    /** The dates asked: both given, or {@code to} today and {@code from} a month before it; never reversed. */
    public record Period(LocalDate from, LocalDate to) {}

    public Period period(String from, String to) {
        LocalDate toDate = to == null || to.isBlank() ? params.today() : ReadParams.date(to, "to");
        LocalDate fromDate = from == null || from.isBlank() ? toDate.minusMonths(1) : ReadParams.date(from, "from");
        if (toDate.isBefore(fromDate)) {
            throw FieldError.invalid("to", "must not be before from");
        }
        return new Period(fromDate, toDate);
    }

    public ZoneId zone() {
        return zone;
    }

    @GetMapping(path = "/api/changes", produces = "application/json")
    @Operation(
            summary = "Every change recorded or effective between two dates (both included), grouped by record",
            description = "A change counts when its effective date is between from and to, or when it was recorded"
                    + " on one of those days (in hostledger.zone). Without dates: the last month. hostId: only the"
                    + " changes about that host (itself, its certificates, the decisions it serves). Records come"
                    + " newest first, paged; each lists its changes oldest first (at most 100, with changeCount).")
    public ChangeLog.ChangedRecordPage changes(
            @RequestParam(required = false) String from,
            @RequestParam(required = false) String to,
            @RequestParam(required = false) String hostId,
            @RequestParam(required = false) String page,
            @RequestParam(required = false) String size) {
        Period period = period(from, to);
        return log.between(period.from(), period.to(), params.id(hostId, "hostId"), zone, params.page(page, size));
    }
}
