package org.hostledger.projections.support;

import java.text.Normalizer;
import java.util.Locale;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * "Contains this text, whatever the case and the accents" in SQL that H2 and PostgreSQL both run: the column is folded
 * by {@code LOWER(TRANSLATE(…))} over the accented Latin letters, the text asked by the same rule in Java (its accents
 * dropped, lower case), and {@code %}, {@code _} and the escape character in the text are matched as themselves. A
 * French reader typing "Hopital" finds "Hôpital", and "HÔPITAL" finds "hopital".
 *
 * <p>Folded at query time rather than stored: the lists search a few thousand rows of one date, where the scan is
 * cheap, and a stored column would have to be rewritten by every projection on every correction.
 */
public final class Search {

    /** The longest text searched for; longer is refused at the edge. */
    public static final int MAX_LENGTH = 200;

    /** The accented letters folded in SQL; each folds to one letter, as {@link #fold} does. */
    static final String ACCENTED = "ÀÁÂÃÄÅàáâãäåÇçÈÉÊËèéêëÌÍÎÏìíîïÑñÒÓÔÕÖòóôõöÙÚÛÜùúûüÝýÿ";

    static final String PLAIN = fold(ACCENTED);

    private static final char ESCAPE = '!';

    private Search() {}

    /** The text as the SQL side folds it: accents dropped, lower case. */
    public static String fold(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT);
    }

    /** {@code column} folded as {@link #fold} folds text. */
    static String folded(String column) {
        return "LOWER(TRANSLATE(" + column + ", '" + ACCENTED + "', '" + PLAIN + "'))";
    }

    /**
     * The condition "one of {@code columns} contains the text of parameter {@code :q}", for a text given to
     * {@link #bind}.
     */
    public static String anyContains(String... columns) {
        StringBuilder condition = new StringBuilder("(");
        for (int i = 0; i < columns.length; i++) {
            if (i > 0) {
                condition.append(" OR ");
            }
            condition
                    .append(folded(columns[i]))
                    .append(" LIKE :q ESCAPE '")
                    .append(ESCAPE)
                    .append('\'');
        }
        return condition.append(')').toString();
    }

    /** Binds {@code :q} to the pattern of "contains {@code text}", folded, its wildcards escaped. */
    public static MapSqlParameterSource bind(MapSqlParameterSource params, String text) {
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a search text is at most " + MAX_LENGTH + " characters");
        }
        String escaped = fold(text.strip())
                .replace(String.valueOf(ESCAPE), "" + ESCAPE + ESCAPE)
                .replace("%", ESCAPE + "%")
                .replace("_", ESCAPE + "_");
        return params.addValue("q", "%" + escaped + "%");
    }
}
