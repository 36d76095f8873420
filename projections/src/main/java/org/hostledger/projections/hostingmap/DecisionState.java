package org.hostledger.projections.hostingmap;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hostledger.core.query.DecisionStatus;
import org.hostledger.projections.support.Activities;

/** A hosting decision as it stood over one stretch of time: its facts and its status, stored under its name. */
record DecisionState(
        String controller,
        String system,
        String hostId,
        String activities,
        LocalDate decidedOn,
        String procurement,
        String contractor,
        String rationale,
        String alternatives,
        DecisionStatus status,
        LocalDate endedOn,
        String endReason,
        String supersededBy,
        String sources,
        String offeringId) {

    static final List<String> COLUMNS = List.of(
            "controller",
            "system_name",
            "host_id",
            "activities",
            "a1",
            "a2",
            "a3",
            "a4",
            "a5",
            "a6",
            "decided_on",
            "procurement",
            "contractor",
            "rationale",
            "alternatives",
            "status",
            "ended_on",
            "end_reason",
            "superseded_by",
            "sources",
            "offering_id");

    DecisionState migrating() {
        return switch (status) {
            case ACTIVE -> withStatus(DecisionStatus.MIGRATING, endedOn, endReason, supersededBy);
            // Announced again, or after the end: nothing changes.
            case MIGRATING, ENDED -> this;
        };
    }

    DecisionState ended(LocalDate on, String reason, String by) {
        return withStatus(DecisionStatus.ENDED, on, reason, by);
    }

    private DecisionState withStatus(DecisionStatus newStatus, LocalDate on, String reason, String by) {
        return new DecisionState(
                controller,
                system,
                hostId,
                activities,
                decidedOn,
                procurement,
                contractor,
                rationale,
                alternatives,
                newStatus,
                on,
                reason,
                by,
                sources,
                offeringId);
    }

    List<Object> values() {
        List<Object> values = new ArrayList<>(Arrays.asList(controller, system, hostId, activities));
        for (int flag : Activities.flags(Activities.parse(activities))) {
            values.add(flag);
        }
        values.addAll(Arrays.asList(
                decidedOn,
                procurement,
                contractor,
                rationale,
                alternatives,
                status.name(),
                endedOn,
                endReason,
                supersededBy,
                sources,
                offeringId));
        return values;
    }
}
