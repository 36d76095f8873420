package org.hostledger.core.offering;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A decision's exposure and coverage along its offering's chain, for the decision's activities only: an actor that
 * performs none of them is not involved.
 */
public final class ChainAssessment {

    /** Whether the ledger holds a valid certificate of a host for an activity on the date assessed. */
    @FunctionalInterface
    public interface Certificates {
        boolean cover(String hostId, int activity);
    }

    private ChainAssessment() {}

    public static List<ExposureReason> exposure(List<ChainActor> chain, List<Integer> activities) {
        List<ExposureReason> reasons = new ArrayList<>();
        for (ChainActor a : chain) {
            List<Integer> involved = a.activities().stream()
                    .filter(activities::contains)
                    .sorted()
                    .toList();
            if (involved.isEmpty()) {
                continue;
            }
            String who = a.actor() + ", " + a.role().label() + " for " + activities(involved) + ": ";
            if (a.accessFromOutsideEea()) {
                ExposureReason.Kind kind = a.accessGround() == AccessGround.ART_46_SAFEGUARDS
                        ? ExposureReason.Kind.ACCESS_UNDER_SAFEGUARDS
                        : ExposureReason.Kind.ACCESS_UNDER_ADEQUACY;
                String ground = a.accessGround() == null
                        ? "on no stated ground"
                        : a.accessGround().phrase();
                reasons.add(new ExposureReason(
                        a.actor(),
                        a.role(),
                        involved,
                        kind,
                        a.accessCountries(),
                        who + "access from " + String.join(", ", a.accessCountries()) + " " + ground));
            }
            if (a.exposedToNonEuLaw()) {
                reasons.add(new ExposureReason(
                        a.actor(),
                        a.role(),
                        involved,
                        ExposureReason.Kind.NON_EU_LAW,
                        a.exposureCountries(),
                        who + "exposed to " + String.join(", ", a.exposureCountries()) + " law"));
            }
        }
        return reasons;
    }

    public static List<ChainGap> gaps(List<ChainActor> chain, List<Integer> activities, Certificates certificates) {
        List<ChainGap> gaps = new ArrayList<>();
        for (int activity : activities.stream().sorted().toList()) {
            List<ChainActor> performers = chain.stream()
                    .filter(a -> a.activities().contains(activity))
                    .toList();
            if (performers.isEmpty()) {
                gaps.add(new ChainGap(activity, null, "activity " + activity + " is not offered by this offering"));
            }
            for (ChainActor a : performers) {
                String gap = gap(a, activity, certificates);
                if (gap != null) {
                    gaps.add(new ChainGap(activity, a.actor(), gap));
                }
            }
        }
        return gaps;
    }

    /**
     * Null when the actor covers the activity: exempted on a stated ground, or certified — by a valid certificate
     * in the ledger when the actor is one of its hosts, on the publisher's word otherwise.
     */
    private static String gap(ChainActor a, int activity, Certificates certificates) {
        return switch (a.hds()) {
            case EXEMPTED ->
                a.exemptionGround() == null || a.exemptionGround().isBlank()
                        ? a.actor() + " is exempted from HDS for activity " + activity + " on no stated ground"
                        : null;
            case CERTIFIED ->
                a.hostId() == null || certificates.cover(a.hostId(), activity)
                        ? null
                        : a.actor() + " holds no valid certificate for activity " + activity + " in the ledger";
            case NOT_CERTIFIED ->
                a.actor() + " performs activity " + activity + " without HDS certificate or exemption";
        };
    }

    /** "activity 5", "activities 4–6", "activities 1, 3". */
    public static String activities(List<Integer> sorted) {
        return (sorted.size() == 1 ? "activity " : "activities ") + range(sorted);
    }

    /** "5", "4–6", "1, 3": activities in order, a run of three or more as a range. */
    public static String range(List<Integer> sorted) {
        boolean run = sorted.size() > 2 && sorted.get(sorted.size() - 1) - sorted.get(0) == sorted.size() - 1;
        return run
                ? sorted.get(0) + "–" + sorted.get(sorted.size() - 1)
                : sorted.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }
}
