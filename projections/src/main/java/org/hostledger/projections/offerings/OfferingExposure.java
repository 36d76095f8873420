package org.hostledger.projections.offerings;

import java.util.ArrayList;
import java.util.List;
import org.hostledger.core.offering.AccessGround;
import org.hostledger.core.offering.ChainActor;
import org.hostledger.projections.support.AsOf;

/**
 * Per activity, whether an actor of an offering's chain performing it has access from outside the EEA under an
 * adequacy decision ({@code adq}), under art. 46 safeguards ({@code sg}), or is exposed to non-EU law ({@code law}):
 * kept as flag columns so that a decision's exposure is SQL (filters, statistics) and follows the chain as of any date.
 */
public final class OfferingExposure {

    static final List<String> KINDS = List.of("adq", "sg", "law");

    private OfferingExposure() {}

    static List<Integer> flags(List<ChainActor> chain) {
        List<Integer> flags = new ArrayList<>(18);
        for (String kind : KINDS) {
            for (int a = 1; a <= 6; a++) {
                int activity = a;
                flags.add(
                        chain.stream()
                                        .filter(actor -> actor.activities().contains(activity))
                                        .anyMatch(actor -> has(actor, kind))
                                ? 1
                                : 0);
            }
        }
        return flags;
    }

    private static boolean has(ChainActor actor, String kind) {
        return switch (kind) {
            case "adq" -> actor.accessFromOutsideEea() && actor.accessGround() != AccessGround.ART_46_SAFEGUARDS;
            case "sg" -> actor.accessFromOutsideEea() && actor.accessGround() == AccessGround.ART_46_SAFEGUARDS;
            default -> actor.exposedToNonEuLaw();
        };
    }

    /**
     * The join of a decision ({@code d}: its version row, which names its offering as known then) to its offering's
     * chain on {@code :asOf} as known at {@code :knownAt}, as alias {@code o}.
     */
    public static final String JOIN = " LEFT JOIN rm_offering_version o ON o.offering_id = d.offering_id"
            + " AND o.published = TRUE AND " + AsOf.version("o");

    /** True when an actor performing one of decision {@code d}'s activities has answer {@code kind} ("adq"…). */
    public static String hits(String kind) {
        StringBuilder sum = new StringBuilder("(");
        for (int a = 1; a <= 6; a++) {
            if (a > 1) {
                sum.append(" + ");
            }
            sum.append("COALESCE(o.")
                    .append(kind)
                    .append(a)
                    .append(", 0) * d.a")
                    .append(a);
        }
        return sum.append(") > 0").toString();
    }

    /**
     * A decision's exposure: NON_EU when its host (by its ultimate parent) is, or when an actor of its offering's
     * chain involved in its activities has access from outside the EEA or is exposed to non-EU law; else the host's.
     */
    public static String decisionExposure(String hostExposure) {
        return "CASE WHEN " + hostExposure + " = 'NON_EU' OR " + hits("adq") + " OR " + hits("sg") + " OR "
                + hits("law") + " THEN 'NON_EU' ELSE " + hostExposure + " END";
    }
}
