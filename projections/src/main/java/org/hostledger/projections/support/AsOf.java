package org.hostledger.projections.support;

import org.hostledger.core.query.TimePoint;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/** The SQL of "as of {@code :asOf}, as known at {@code :knownAt}" over bitemporal rows and dated facts. */
public final class AsOf {

    private AsOf() {}

    /** The version row of {@code alias} that held on {@code :asOf} and was believed at {@code :knownAt}. */
    public static String version(String alias) {
        return version(alias, ":asOf");
    }

    /** The same, on the date held by a column or parameter {@code date}. */
    public static String version(String alias, String date) {
        return alias + ".eff_from <= " + date + " AND " + alias + ".eff_to > " + date + " AND " + alias
                + ".rec_from <= :knownAt AND " + alias + ".rec_to > :knownAt";
    }

    /** A dated fact of {@code alias} that had happened by {@code :asOf} and was recorded by {@code :knownAt}. */
    public static String fact(String alias) {
        return alias + ".effective_on <= :asOf AND " + alias + ".rec_from <= :knownAt";
    }

    /** A fact recorded by {@code :knownAt}, whatever its date (corrections). */
    public static String recorded(String alias) {
        return alias + ".rec_from <= :knownAt";
    }

    public static MapSqlParameterSource params(TimePoint at) {
        return new MapSqlParameterSource()
                .addValue("asOf", at.asOf())
                .addValue(
                        "knownAt",
                        Bitemporal.timestamp(at.knownAt() == null ? Bitemporal.LATEST_KNOWLEDGE : at.knownAt()));
    }

    /**
     * Per host, whether it holds a valid HDS certificate on {@code date} (as known at {@code :knownAt}) and which of
     * activities 1 to 6 those certificates cover: columns {@code host_id, c1 … c6}.
     */
    public static String coverage(String date) {
        return "SELECT cv.host_id, MAX(cv.a1) AS c1, MAX(cv.a2) AS c2, MAX(cv.a3) AS c3, MAX(cv.a4) AS c4, "
                + "MAX(cv.a5) AS c5, MAX(cv.a6) AS c6 FROM rm_cert_version cv "
                + "WHERE cv.scheme = 'HDS' AND cv.status = 'VALID' AND cv.valid_until >= " + date + " AND "
                + version("cv", date) + " GROUP BY cv.host_id";
    }

    /**
     * Whether the register entry (FedRAMP product) that decision row {@code d} is an agency authorization of is listed
     * and Authorized on {@code date}, as known at {@code :knownAt}.
     */
    public static String entryAuthorized(String d, String date) {
        return "EXISTS (SELECT 1 FROM rm_decision_base rb JOIN rm_register_entry_version re"
                + " ON re.entry_key = rb.register_entry WHERE rb.decision_id = " + d + ".decision_id"
                + " AND re.listed = TRUE AND re.stage = 'AUTHORIZED' AND " + version("re", date) + ")";
    }

    /** Whether decision row {@code d} is the agency authorization of a register entry (a FedRAMP decision). */
    public static String onRegisterEntry(String d) {
        return "EXISTS (SELECT 1 FROM rm_decision_base rb WHERE rb.decision_id = " + d
                + ".decision_id AND rb.register_entry IS NOT NULL)";
    }

    /**
     * The compliance of decision row {@code d} on {@code :asOf}, per scheme: a FedRAMP decision (on a register entry)
     * is COVERED when its product is Authorized that day, NOT_CERTIFIED otherwise; an HDS decision is judged against
     * coverage row {@code cov}.
     */
    public static String compliance(String d, String cov) {
        StringBuilder covered = new StringBuilder();
        for (int a = 1; a <= 6; a++) {
            if (a > 1) {
                covered.append(" AND ");
            }
            covered.append(d)
                    .append(".a")
                    .append(a)
                    .append(" <= ")
                    .append(cov)
                    .append(".c")
                    .append(a);
        }
        return "CASE WHEN " + onRegisterEntry(d) + " THEN (CASE WHEN " + entryAuthorized(d, ":asOf")
                + " THEN 'COVERED' ELSE 'NOT_CERTIFIED' END) WHEN " + cov
                + ".host_id IS NULL THEN 'NOT_CERTIFIED' WHEN "
                + covered + " THEN 'COVERED' ELSE 'GAP' END";
    }

    /** A certificate's status on {@code :asOf}: WITHDRAWN stays, a lapsed validity is EXPIRED, else as recorded. */
    public static String certificationStatus(String alias) {
        return "CASE WHEN " + alias + ".status = 'WITHDRAWN' THEN 'WITHDRAWN' WHEN " + alias
                + ".valid_until < :asOf THEN 'EXPIRED' ELSE " + alias + ".status END";
    }
}
