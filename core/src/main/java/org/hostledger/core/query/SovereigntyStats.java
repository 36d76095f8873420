package org.hostledger.core.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * How many decisions in force sit on hosts whose ultimate parent is outside the EU/EEA. Shares are between 0 and 1;
 * decisions whose host is not known on the date asked, or whose register publishes no country (exposure
 * {@code UNKNOWN}, as FedRAMP's), count in {@code unknown} and in no share.
 */
public record SovereigntyStats(
        LocalDate asOf,
        Instant knownAt,
        Count total,
        List<ByController> byController,
        List<ByActivity> byActivity,
        ByReason byReason) {

    /**
     * Decisions in force by what exposes them (one decision may count under several): an actor of the chain involved
     * in their activities reaching the data from outside the EEA under an adequacy decision, or under GDPR art. 46
     * safeguards; exposure to non-EU law (requirement 30, or the host's ultimate parent).
     */
    public record ByReason(long accessUnderAdequacy, long accessUnderSafeguards, long nonEuLaw) {}

    public record Count(long decisions, long eu, long nonEu, long unknown, double nonEuShare) {

        public static Count of(long eu, long nonEu, long unknown) {
            long known = eu + nonEu;
            return new Count(known + unknown, eu, nonEu, unknown, known == 0 ? 0.0 : (double) nonEu / known);
        }
    }

    public record ByController(String controller, Count count) {}

    public record ByActivity(int activity, String labelFr, String labelEn, Count count) {}
}
