package org.hostledger.api.security;

import java.util.Set;

/** The roles. Reads of the views need none. */
public final class Roles {

    /** Records facts: every POST of the write API. */
    public static final String EDITOR = "EDITOR";

    /** Reads the audit trail, histories and the integrity check. */
    public static final String AUDITOR = "AUDITOR";

    /** Operates: replays projections, sees metrics. */
    public static final String ADMIN = "ADMIN";

    /** Watches: subscriptions, webhooks and their delivery log (EDITOR and ADMIN may too). */
    public static final String SUBSCRIBER = "SUBSCRIBER";

    public static final Set<String> ALL = Set.of(EDITOR, AUDITOR, ADMIN, SUBSCRIBER);

    private Roles() {}
}
