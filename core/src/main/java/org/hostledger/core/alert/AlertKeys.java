package org.hostledger.core.alert;

import java.util.Locale;

/**
 * The record id of an alert: one per kind, record and occurrence, so that the event store's unique key refuses a
 * second recording of the same occurrence, from another run or another node. It holds colons, which no id chosen
 * through the REST API may hold, so an alert never takes a host's or a decision's id.
 */
public final class AlertKeys {

    private static final String PREFIX = "alert:";

    private AlertKeys() {}

    /**
     * {@code alert:<kind>:<record>:<occurrence>}; the occurrence is a date for a certificate (its end of validity, the
     * day it was suspended, withdrawn or delisted) and a sequence number for a decision's compliance changes.
     */
    public static String of(AlertKind kind, String recordId, String occurrence) {
        return PREFIX + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ":" + recordId + ":" + occurrence;
    }

    public static boolean isAlert(String id) {
        return id != null && id.startsWith(PREFIX);
    }
}
