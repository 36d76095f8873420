package org.hostledger.core.offering;

import java.util.List;

/**
 * One actor of an offering's hosting chain, as the host published it.
 *
 * @param actor the actor's name as published
 * @param hostId the ledger's host of that name when there is one (its own certificates then count), else null
 * @param under the actor it works for, by name; null for the host and for a subcontractor of the host
 * @param activities the HDS activities (1-6) it performs for this offering
 * @param accessFromOutsideEea requirement 29: whether the data can be reached from outside the EEA
 * @param accessCountries from which countries (ISO 3166-1 alpha-2)
 * @param accessGround on which legal ground
 * @param exposedToNonEuLaw requirement 30: whether the actor is exposed to non-EU law
 * @param exposureCountries to which countries' law
 */
public record ChainActor(
        String actor,
        String hostId,
        ChainRole role,
        String under,
        HdsStatus hds,
        String exemptionGround,
        boolean secNumCloud,
        List<Integer> activities,
        boolean accessFromOutsideEea,
        List<String> accessCountries,
        AccessGround accessGround,
        boolean exposedToNonEuLaw,
        List<String> exposureCountries,
        String note) {

    public ChainActor {
        activities = activities == null ? List.of() : List.copyOf(activities);
        accessCountries = accessCountries == null ? List.of() : List.copyOf(accessCountries);
        exposureCountries = exposureCountries == null ? List.of() : List.copyOf(exposureCountries);
    }

    public ChainActor linkedTo(String ledgerHostId) {
        return new ChainActor(
                actor,
                ledgerHostId,
                role,
                under,
                hds,
                exemptionGround,
                secNumCloud,
                activities,
                accessFromOutsideEea,
                accessCountries,
                accessGround,
                exposedToNonEuLaw,
                exposureCountries,
                note);
    }
}
