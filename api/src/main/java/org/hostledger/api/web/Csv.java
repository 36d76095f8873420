package org.hostledger.api.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV. Text that a spreadsheet would run as a formula (starting with = + - @ or a control character) is
 * prefixed with an apostrophe: an export of the ledger must not become an attack on whoever opens it.
 */
public final class Csv {

    private Csv() {}

    public static String row(List<?> values) {
        return values.stream().map(Csv::field).collect(Collectors.joining(",")) + "\r\n";
    }

    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (value instanceof CharSequence && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
