package org.hostledger.core.model;

import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A certification scheme as data: its code, name, the activity codes a certificate may cover, and the longest validity
 * of one certificate cycle. New schemes (SecNumCloud, …) are configuration, not new event types.
 *
 * @param activities the activity codes a certificate of this scheme may cover; empty when the scheme has none
 * @param maxValidityYears the longest validity window of one certificate, in years
 */
public record Scheme(String code, String name, SortedSet<Integer> activities, int maxValidityYears) {

    public static final Scheme HDS =
            new Scheme("HDS", "Hébergeur de données de santé", new TreeSet<>(Set.of(1, 2, 3, 4, 5, 6)), 3);

    public Scheme {
        activities = new TreeSet<>(activities);
    }

    public boolean hasActivities() {
        return !activities.isEmpty();
    }
}
