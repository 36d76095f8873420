package org.hostledger.core.model;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Identifiers of hosts, certifications and decisions. One namespace for the whole ledger: an id names one record of
 * one kind, so that an auditor can quote it without saying which kind it is.
 */
public final class LedgerIds {

    /** Client-chosen ids: readable, URL-safe, no path tricks. */
    public static final String PATTERN = "[a-z0-9][a-z0-9-]{1,63}";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    private LedgerIds() {}

    public static boolean isValid(String id) {
        return id != null && COMPILED.matcher(id).matches();
    }

    /** A server-made id: the kind as a prefix, then random hex, so that it stays readable in lists. */
    public static String generate(String prefix) {
        String random = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        return prefix + "-" + random;
    }
}
