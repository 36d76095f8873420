package org.hostledger.core.offering;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hostledger.core.model.Countries;
import org.hostledger.core.model.HdsActivity;

/**
 * What makes a published chain readable: exactly one host, actors named once, activities of the HDS scheme, ISO
 * 3166-1 countries, a stated ground for an exemption and for access from outside the EEA, and an {@code under} that
 * names another actor of the chain without going round in a circle. The command side refuses a chain with a problem;
 * the importer refuses the file that holds it.
 */
public final class ChainRules {

    /** One thing wrong with a chain: which actor and field, and why. */
    public record Problem(String actor, String field, String message) {}

    private ChainRules() {}

    public static List<Problem> problems(List<ChainActor> chain) {
        List<Problem> problems = new ArrayList<>();
        if (chain == null || chain.isEmpty()) {
            problems.add(new Problem(null, "chain", "an offering's chain names at least its host"));
            return problems;
        }
        Map<String, ChainActor> byName = new HashMap<>();
        int hosts = 0;
        for (ChainActor a : chain) {
            if (a.actor() == null || a.actor().isBlank()) {
                problems.add(new Problem(null, "actor", "every actor of the chain has a name"));
                continue;
            }
            if (byName.put(a.actor(), a) != null) {
                problems.add(new Problem(a.actor(), "actor", "the actor " + a.actor() + " appears twice"));
            }
            if (a.role() == null) {
                problems.add(new Problem(a.actor(), "role", "a role, host or subcontractor, is required"));
            } else if (a.role() == ChainRole.HOST) {
                hosts++;
            }
            check(a, problems);
        }
        if (hosts != 1) {
            problems.add(new Problem(null, "role", "the chain names " + hosts + " hosts; it must name exactly one"));
        }
        for (ChainActor a : chain) {
            if (a.actor() == null || a.under() == null) {
                continue;
            }
            if (!byName.containsKey(a.under())) {
                problems.add(new Problem(a.actor(), "under", "works for '" + a.under() + "', who is not in the chain"));
            } else if (circles(a, byName)) {
                problems.add(new Problem(a.actor(), "under", "the chain goes round in a circle through " + a.actor()));
            }
        }
        return problems;
    }

    private static void check(ChainActor a, List<Problem> problems) {
        if (a.activities().isEmpty()) {
            problems.add(new Problem(a.actor(), "activities", "at least one HDS activity (1-6)"));
        }
        Set<Integer> seen = new HashSet<>();
        for (Integer activity : a.activities()) {
            if (activity == null || HdsActivity.ofCode(activity).isEmpty()) {
                problems.add(new Problem(a.actor(), "activities", "unknown HDS activity " + activity));
            } else if (!seen.add(activity)) {
                problems.add(new Problem(a.actor(), "activities", "activity " + activity + " given twice"));
            }
        }
        if (a.hds() == null) {
            problems.add(
                    new Problem(a.actor(), "hds", "an HDS status (certified, exempted, not certified) is required"));
        } else if (a.hds() == HdsStatus.EXEMPTED
                && (a.exemptionGround() == null || a.exemptionGround().isBlank())) {
            problems.add(new Problem(a.actor(), "exemptionGround", "an exemption from HDS needs its stated ground"));
        }
        countries(a, "accessCountries", a.accessCountries(), a.accessFromOutsideEea(), problems);
        countries(a, "exposureCountries", a.exposureCountries(), a.exposedToNonEuLaw(), problems);
        if (a.accessFromOutsideEea() && a.accessGround() == null) {
            problems.add(new Problem(
                    a.actor(), "accessGround", "access from outside the EEA needs its legal ground (art. 45 or 46)"));
        }
        if (!a.accessFromOutsideEea() && a.accessGround() != null) {
            problems.add(
                    new Problem(a.actor(), "accessGround", "a legal ground is given for an access that is denied"));
        }
    }

    private static void countries(
            ChainActor a, String field, List<String> countries, boolean answeredYes, List<Problem> problems) {
        if (answeredYes && countries.isEmpty()) {
            problems.add(new Problem(a.actor(), field, "a yes answer names its countries"));
        }
        if (!answeredYes && !countries.isEmpty()) {
            problems.add(new Problem(a.actor(), field, "countries are given for a no answer"));
        }
        for (String country : countries) {
            if (!Countries.isIsoCode(country)) {
                problems.add(new Problem(a.actor(), field, "'" + country + "' is not an ISO 3166-1 alpha-2 code"));
            }
        }
    }

    private static boolean circles(ChainActor start, Map<String, ChainActor> byName) {
        Set<String> visited = new HashSet<>();
        ChainActor current = start;
        while (current != null && current.under() != null) {
            if (!visited.add(current.actor())) {
                return true;
            }
            if (current.under().equals(start.actor())) {
                return true;
            }
            current = byName.get(current.under());
        }
        return false;
    }
}
