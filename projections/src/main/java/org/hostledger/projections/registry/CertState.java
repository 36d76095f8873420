package org.hostledger.projections.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.hostledger.projections.support.Activities;

/**
 * A certificate as it stood over one stretch of time. {@code status} is the recorded one — VALID, SUSPENDED or
 * WITHDRAWN; EXPIRED is not stored, it follows from {@code validUntil} and the date asked.
 */
record CertState(
        String hostId,
        String scheme,
        String referential,
        String certifier,
        String scope,
        String activities,
        LocalDate validFrom,
        LocalDate validUntil,
        CertStatus status,
        String sources) {

    static final List<String> COLUMNS = List.of(
            "host_id",
            "scheme",
            "referential",
            "certifier",
            "scope",
            "activities",
            "a1",
            "a2",
            "a3",
            "a4",
            "a5",
            "a6",
            "valid_from",
            "valid_until",
            "status",
            "sources");

    CertState withStatus(CertStatus newStatus) {
        return new CertState(
                hostId, scheme, referential, certifier, scope, activities, validFrom, validUntil, newStatus, sources);
    }

    CertState renewed(LocalDate until, String newReferential) {
        return new CertState(
                hostId,
                scheme,
                newReferential == null ? referential : newReferential,
                certifier,
                scope,
                activities,
                validFrom,
                until,
                status,
                sources);
    }

    CertState rescoped(String newActivities) {
        return new CertState(
                hostId, scheme, referential, certifier, scope, newActivities, validFrom, validUntil, status, sources);
    }

    List<Object> values() {
        List<Object> values = new ArrayList<>(Arrays.asList(hostId, scheme, referential, certifier, scope, activities));
        for (int flag : Activities.flags(Activities.parse(activities))) {
            values.add(flag);
        }
        values.addAll(Arrays.asList(validFrom, validUntil, status.name(), sources));
        return values;
    }
}
